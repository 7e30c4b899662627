export namespace analytics {
	
	export class Chart {
	    kind: string;
	    title: string;
	    option: number[];
	    // Go type: time
	    freshness: any;
	    empty: boolean;
	    printable: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Chart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.option = source["option"];
	        this.freshness = this.convertValues(source["freshness"], null);
	        this.empty = source["empty"];
	        this.printable = source["printable"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Responses {
	    received: number;
	    answered: number;
	    answeredShare: number;
	    shareKnown: boolean;
	    medianMinutes: number;
	    medianKnown: boolean;
	    withinHour: number;
	
	    static createFrom(source: any = {}) {
	        return new Responses(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.received = source["received"];
	        this.answered = source["answered"];
	        this.answeredShare = source["answeredShare"];
	        this.shareKnown = source["shareKnown"];
	        this.medianMinutes = source["medianMinutes"];
	        this.medianKnown = source["medianKnown"];
	        this.withinHour = source["withinHour"];
	    }
	}
	export class Fan {
	    network: string;
	    actorId: string;
	    handle: string;
	    name: string;
	    interactions: number;
	    likes: number;
	    reposts: number;
	    replies: number;
	    quotes: number;
	    // Go type: time
	    last: any;
	
	    static createFrom(source: any = {}) {
	        return new Fan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.network = source["network"];
	        this.actorId = source["actorId"];
	        this.handle = source["handle"];
	        this.name = source["name"];
	        this.interactions = source["interactions"];
	        this.likes = source["likes"];
	        this.reposts = source["reposts"];
	        this.replies = source["replies"];
	        this.quotes = source["quotes"];
	        this.last = this.convertValues(source["last"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TopPost {
	    workspaceId: string;
	    postId: string;
	    accountId: string;
	    network: string;
	    pillar?: string;
	    campaigns?: string[];
	    title?: string;
	    url?: string;
	    remoteId?: string;
	    // Go type: time
	    publishedAt: any;
	    readings?: Array<Record<string, any>>;
	    // Go type: metric
	    latest: any;
	    // Go type: time
	    goneAt: any;
	    interactions: number;
	    followers: number;
	    followersKnown: boolean;
	    rate: number;
	    rateKnown: boolean;
	    impressionRate: number;
	    impressionRateKnown: boolean;
	    deleted: boolean;
	    handle: string;
	
	    static createFrom(source: any = {}) {
	        return new TopPost(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workspaceId = source["workspaceId"];
	        this.postId = source["postId"];
	        this.accountId = source["accountId"];
	        this.network = source["network"];
	        this.pillar = source["pillar"];
	        this.campaigns = source["campaigns"];
	        this.title = source["title"];
	        this.url = source["url"];
	        this.remoteId = source["remoteId"];
	        this.publishedAt = this.convertValues(source["publishedAt"], null);
	        this.readings = source["readings"];
	        this.latest = this.convertValues(source["latest"], null);
	        this.goneAt = this.convertValues(source["goneAt"], null);
	        this.interactions = source["interactions"];
	        this.followers = source["followers"];
	        this.followersKnown = source["followersKnown"];
	        this.rate = source["rate"];
	        this.rateKnown = source["rateKnown"];
	        this.impressionRate = source["impressionRate"];
	        this.impressionRateKnown = source["impressionRateKnown"];
	        this.deleted = source["deleted"];
	        this.handle = source["handle"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Tile {
	    key: string;
	    label: string;
	    how: string;
	    unit: string;
	    value: number;
	    known: boolean;
	    previous: number;
	    previousKnown: boolean;
	    change: number;
	    changeKnown: boolean;
	    delta: number;
	    trend?: string;
	    lowerIsBetter?: boolean;
	    text: string;
	    previousText: string;
	    changeText: string;
	
	    static createFrom(source: any = {}) {
	        return new Tile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.how = source["how"];
	        this.unit = source["unit"];
	        this.value = source["value"];
	        this.known = source["known"];
	        this.previous = source["previous"];
	        this.previousKnown = source["previousKnown"];
	        this.change = source["change"];
	        this.changeKnown = source["changeKnown"];
	        this.delta = source["delta"];
	        this.trend = source["trend"];
	        this.lowerIsBetter = source["lowerIsBetter"];
	        this.text = source["text"];
	        this.previousText = source["previousText"];
	        this.changeText = source["changeText"];
	    }
	}
	export class Filter {
	    networks?: string[];
	    accounts?: string[];
	    pillars?: string[];
	    campaigns?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.networks = source["networks"];
	        this.accounts = source["accounts"];
	        this.pillars = source["pillars"];
	        this.campaigns = source["campaigns"];
	    }
	}
	export class Period {
	    from: calendar.Day;
	    to: calendar.Day;
	
	    static createFrom(source: any = {}) {
	        return new Period(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = this.convertValues(source["from"], calendar.Day);
	        this.to = this.convertValues(source["to"], calendar.Day);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Dashboard {
	    workspaceId: string;
	    lang: string;
	    period: Period;
	    previous: Period;
	    filter: Filter;
	    // Go type: time
	    generatedAt: any;
	    empty: boolean;
	    tiles: Tile[];
	    charts: Chart[];
	    topPosts: TopPost[];
	    fans: Fan[];
	    responses: Responses;
	
	    static createFrom(source: any = {}) {
	        return new Dashboard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workspaceId = source["workspaceId"];
	        this.lang = source["lang"];
	        this.period = this.convertValues(source["period"], Period);
	        this.previous = this.convertValues(source["previous"], Period);
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.generatedAt = this.convertValues(source["generatedAt"], null);
	        this.empty = source["empty"];
	        this.tiles = this.convertValues(source["tiles"], Tile);
	        this.charts = this.convertValues(source["charts"], Chart);
	        this.topPosts = this.convertValues(source["topPosts"], TopPost);
	        this.fans = this.convertValues(source["fans"], Fan);
	        this.responses = this.convertValues(source["responses"], Responses);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	

}

export namespace api {
	
	export class Capabilities {
	    textLimit: number;
	    counting: string;
	    byteLimit: number;
	    urlLength: number;
	    maxMedia: number;
	    maxMediaBytes: number;
	    mediaTypes: string[];
	    threads: boolean;
	    firstComment: boolean;
	    nativeScheduling: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Capabilities(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.textLimit = source["textLimit"];
	        this.counting = source["counting"];
	        this.byteLimit = source["byteLimit"];
	        this.urlLength = source["urlLength"];
	        this.maxMedia = source["maxMedia"];
	        this.maxMediaBytes = source["maxMediaBytes"];
	        this.mediaTypes = source["mediaTypes"];
	        this.threads = source["threads"];
	        this.firstComment = source["firstComment"];
	        this.nativeScheduling = source["nativeScheduling"];
	    }
	}
	export class Account {
	    id: string;
	    network: string;
	    networkName: string;
	    handle: string;
	    displayName: string;
	    status: string;
	    capabilities: Capabilities;
	
	    static createFrom(source: any = {}) {
	        return new Account(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.network = source["network"];
	        this.networkName = source["networkName"];
	        this.handle = source["handle"];
	        this.displayName = source["displayName"];
	        this.status = source["status"];
	        this.capabilities = this.convertValues(source["capabilities"], Capabilities);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AccountView {
	    id: string;
	    network: string;
	    networkName: string;
	    handle: string;
	    displayName: string;
	    status: string;
	    capabilities: Capabilities;
	    server: string;
	    avatarUrl: string;
	    health: string;
	    expiresAt: string;
	    nativeScheduling: boolean;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new AccountView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.network = source["network"];
	        this.networkName = source["networkName"];
	        this.handle = source["handle"];
	        this.displayName = source["displayName"];
	        this.status = source["status"];
	        this.capabilities = this.convertValues(source["capabilities"], Capabilities);
	        this.server = source["server"];
	        this.avatarUrl = source["avatarUrl"];
	        this.health = source["health"];
	        this.expiresAt = source["expiresAt"];
	        this.nativeScheduling = source["nativeScheduling"];
	        this.createdAt = source["createdAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Problem {
	    code: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class AppInfo {
	    version: string;
	    dataDir: string;
	    logFile: string;
	    backupDir: string;
	    language: string;
	    languageSetting: string;
	    systemLanguage: string;
	    systemTimeZone: string;
	    offerDemo: boolean;
	    startupError?: Problem;
	
	    static createFrom(source: any = {}) {
	        return new AppInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.logFile = source["logFile"];
	        this.backupDir = source["backupDir"];
	        this.language = source["language"];
	        this.languageSetting = source["languageSetting"];
	        this.systemLanguage = source["systemLanguage"];
	        this.systemTimeZone = source["systemTimeZone"];
	        this.offerDemo = source["offerDemo"];
	        this.startupError = this.convertValues(source["startupError"], Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Attempt {
	    at: string;
	    outcome: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Attempt(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.outcome = source["outcome"];
	        this.reason = source["reason"];
	    }
	}
	export class BackupResult {
	    cancelled: boolean;
	    path: string;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cancelled = source["cancelled"];
	        this.path = source["path"];
	        this.bytes = source["bytes"];
	    }
	}
	export class Pause {
	    reason: string;
	    since: string;
	    until: string;
	    allSpaces: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Pause(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reason = source["reason"];
	        this.since = source["since"];
	        this.until = source["until"];
	        this.allSpaces = source["allSpaces"];
	    }
	}
	export class Delivery {
	    accountId: string;
	    state: string;
	    remoteId: string;
	    url: string;
	    attempts: Attempt[];
	    heldUntil: string;
	
	    static createFrom(source: any = {}) {
	        return new Delivery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accountId = source["accountId"];
	        this.state = source["state"];
	        this.remoteId = source["remoteId"];
	        this.url = source["url"];
	        this.attempts = this.convertValues(source["attempts"], Attempt);
	        this.heldUntil = source["heldUntil"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Media {
	    path: string;
	    alt: string;
	    mime: string;
	    size: number;
	    width: number;
	    height: number;
	
	    static createFrom(source: any = {}) {
	        return new Media(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.alt = source["alt"];
	        this.mime = source["mime"];
	        this.size = source["size"];
	        this.width = source["width"];
	        this.height = source["height"];
	    }
	}
	export class Variant {
	    accountId: string;
	    network: string;
	    text: string;
	    link: string;
	    firstComment: string;
	    thread: string[];
	    media: Media[];
	    contentWarning?: string;
	    visibility?: string;
	    language?: string;
	
	    static createFrom(source: any = {}) {
	        return new Variant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accountId = source["accountId"];
	        this.network = source["network"];
	        this.text = source["text"];
	        this.link = source["link"];
	        this.firstComment = source["firstComment"];
	        this.thread = source["thread"];
	        this.media = this.convertValues(source["media"], Media);
	        this.contentWarning = source["contentWarning"];
	        this.visibility = source["visibility"];
	        this.language = source["language"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Post {
	    id: string;
	    workspaceId: string;
	    status: string;
	    scheduledAt: string;
	    localDate: string;
	    localTime: string;
	    zone: string;
	    title: string;
	    authorNote: string;
	    pillar: string;
	    campaigns: string[];
	    variants: Variant[];
	    deliveries: Delivery[];
	    revision: number;
	    networks: string[];
	    heldBy: string[];
	
	    static createFrom(source: any = {}) {
	        return new Post(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.workspaceId = source["workspaceId"];
	        this.status = source["status"];
	        this.scheduledAt = source["scheduledAt"];
	        this.localDate = source["localDate"];
	        this.localTime = source["localTime"];
	        this.zone = source["zone"];
	        this.title = source["title"];
	        this.authorNote = source["authorNote"];
	        this.pillar = source["pillar"];
	        this.campaigns = source["campaigns"];
	        this.variants = this.convertValues(source["variants"], Variant);
	        this.deliveries = this.convertValues(source["deliveries"], Delivery);
	        this.revision = source["revision"];
	        this.networks = source["networks"];
	        this.heldBy = source["heldBy"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Day {
	    date: string;
	    posts: Post[];
	
	    static createFrom(source: any = {}) {
	        return new Day(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.posts = this.convertValues(source["posts"], Post);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CalendarView {
	    zone: string;
	    from: string;
	    to: string;
	    days: Day[];
	    paused?: Pause;
	
	    static createFrom(source: any = {}) {
	        return new CalendarView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.zone = source["zone"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.days = this.convertValues(source["days"], Day);
	        this.paused = this.convertValues(source["paused"], Pause);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Finding {
	    accountId: string;
	    code: string;
	    severity: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Finding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.accountId = source["accountId"];
	        this.code = source["code"];
	        this.severity = source["severity"];
	        this.message = source["message"];
	    }
	}
	export class Count {
	    used: number;
	    limit: number;
	    bytes: number;
	    byteLimit: number;
	    over: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Count(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.used = source["used"];
	        this.limit = source["limit"];
	        this.bytes = source["bytes"];
	        this.byteLimit = source["byteLimit"];
	        this.over = source["over"];
	    }
	}
	export class Check {
	    counts: Record<string, Count>;
	    findings: Finding[];
	    canSave: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Check(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.counts = this.convertValues(source["counts"], Count, true);
	        this.findings = this.convertValues(source["findings"], Finding);
	        this.canSave = source["canSave"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class FilterChoice {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new FilterChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class DashboardChoices {
	    networks: FilterChoice[];
	    accounts: FilterChoice[];
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new DashboardChoices(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.networks = this.convertValues(source["networks"], FilterChoice);
	        this.accounts = this.convertValues(source["accounts"], FilterChoice);
	        this.today = source["today"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DashboardFilter {
	    networks: string[];
	    accounts: string[];
	    pillars: string[];
	    campaigns: string[];
	
	    static createFrom(source: any = {}) {
	        return new DashboardFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.networks = source["networks"];
	        this.accounts = source["accounts"];
	        this.pillars = source["pillars"];
	        this.campaigns = source["campaigns"];
	    }
	}
	
	
	export class Figure {
	    day: string;
	    kind: string;
	    subject: string;
	    value: number;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new Figure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.kind = source["kind"];
	        this.subject = source["subject"];
	        this.value = source["value"];
	        this.source = source["source"];
	    }
	}
	export class FiguresImportRow {
	    line: number;
	    day: string;
	    sessions?: number;
	    users?: number;
	    source: string;
	    problems: Problem[];
	
	    static createFrom(source: any = {}) {
	        return new FiguresImportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.day = source["day"];
	        this.sessions = source["sessions"];
	        this.users = source["users"];
	        this.source = source["source"];
	        this.problems = this.convertValues(source["problems"], Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FiguresImportPreview {
	    cancelled: boolean;
	    path: string;
	    token: string;
	    rows: FiguresImportRow[];
	    valid: number;
	
	    static createFrom(source: any = {}) {
	        return new FiguresImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cancelled = source["cancelled"];
	        this.path = source["path"];
	        this.token = source["token"];
	        this.rows = this.convertValues(source["rows"], FiguresImportRow);
	        this.valid = source["valid"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class ImportRow {
	    line: number;
	    at: string;
	    text: string;
	    link: string;
	    media: string;
	    accounts: string[];
	    problems: Problem[];
	
	    static createFrom(source: any = {}) {
	        return new ImportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.at = source["at"];
	        this.text = source["text"];
	        this.link = source["link"];
	        this.media = source["media"];
	        this.accounts = source["accounts"];
	        this.problems = this.convertValues(source["problems"], Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportPreview {
	    cancelled: boolean;
	    path: string;
	    token: string;
	    rows: ImportRow[];
	    valid: number;
	    invalid: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cancelled = source["cancelled"];
	        this.path = source["path"];
	        this.token = source["token"];
	        this.rows = this.convertValues(source["rows"], ImportRow);
	        this.valid = source["valid"];
	        this.invalid = source["invalid"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class JobView {
	    name: string;
	    title: string;
	    period: string;
	    lastRun: string;
	    nextRun: string;
	    tookMs: number;
	    running: boolean;
	    lastError: string;
	    errorMessage: string;
	    failures: number;
	
	    static createFrom(source: any = {}) {
	        return new JobView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.title = source["title"];
	        this.period = source["period"];
	        this.lastRun = source["lastRun"];
	        this.nextRun = source["nextRun"];
	        this.tookMs = source["tookMs"];
	        this.running = source["running"];
	        this.lastError = source["lastError"];
	        this.errorMessage = source["errorMessage"];
	        this.failures = source["failures"];
	    }
	}
	export class Misspelling {
	    word: string;
	    start: number;
	    end: number;
	    suggestions: string[];
	
	    static createFrom(source: any = {}) {
	        return new Misspelling(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.word = source["word"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.suggestions = source["suggestions"];
	    }
	}
	export class Objective {
	    id: string;
	    kind: string;
	    network: string;
	    target: number;
	    start: string;
	    deadline: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Objective(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.network = source["network"];
	        this.target = source["target"];
	        this.start = source["start"];
	        this.deadline = source["deadline"];
	        this.note = source["note"];
	    }
	}
	export class Occurrence {
	    at: string;
	    localDate: string;
	    localTime: string;
	
	    static createFrom(source: any = {}) {
	        return new Occurrence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.localDate = source["localDate"];
	        this.localTime = source["localTime"];
	    }
	}
	
	export class PauseEvent {
	    at: string;
	    action: string;
	    reason: string;
	    workspace: string;
	    posts: number;
	
	    static createFrom(source: any = {}) {
	        return new PauseEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.action = source["action"];
	        this.reason = source["reason"];
	        this.workspace = source["workspace"];
	        this.posts = source["posts"];
	    }
	}
	
	export class PostInput {
	    authorNote: string;
	    pillar: string;
	    campaigns: string[];
	    variants: Variant[];
	
	    static createFrom(source: any = {}) {
	        return new PostInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.authorNote = source["authorNote"];
	        this.pillar = source["pillar"];
	        this.campaigns = source["campaigns"];
	        this.variants = this.convertValues(source["variants"], Variant);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Recurrence {
	    start: string;
	    time: string;
	    every: number;
	    unit: string;
	    until: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Recurrence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.time = source["time"];
	        this.every = source["every"];
	        this.unit = source["unit"];
	        this.until = source["until"];
	        this.count = source["count"];
	    }
	}
	export class ReportPlan {
	    folder: string;
	    lang: string;
	    agency: string;
	    last: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.lang = source["lang"];
	        this.agency = source["agency"];
	        this.last = source["last"];
	    }
	}
	export class RestoreResult {
	    cancelled: boolean;
	    path: string;
	    safetyBackup: string;
	    kept: string;
	    relaunch: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cancelled = source["cancelled"];
	        this.path = source["path"];
	        this.safetyBackup = source["safetyBackup"];
	        this.kept = source["kept"];
	        this.relaunch = source["relaunch"];
	    }
	}
	export class Slot {
	    weekday: number;
	    time: string;
	
	    static createFrom(source: any = {}) {
	        return new Slot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.weekday = source["weekday"];
	        this.time = source["time"];
	    }
	}
	export class TagSuggestion {
	    tag: string;
	    related: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TagSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tag = source["tag"];
	        this.related = source["related"];
	    }
	}
	export class VoiceFinding {
	    code: string;
	    message: string;
	    start: number;
	    end: number;
	    suggestion: string;
	
	    static createFrom(source: any = {}) {
	        return new VoiceFinding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.suggestion = source["suggestion"];
	    }
	}
	export class TextCheck {
	    language: string;
	    ready: boolean;
	    misspellings: Misspelling[];
	    voice: VoiceFinding[];
	    tags: TagSuggestion[];
	
	    static createFrom(source: any = {}) {
	        return new TextCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	        this.ready = source["ready"];
	        this.misspellings = this.convertValues(source["misspellings"], Misspelling);
	        this.voice = this.convertValues(source["voice"], VoiceFinding);
	        this.tags = this.convertValues(source["tags"], TagSuggestion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class VoiceWordDTO {
	    word: string;
	    use: string;
	
	    static createFrom(source: any = {}) {
	        return new VoiceWordDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.word = source["word"];
	        this.use = source["use"];
	    }
	}
	export class VoiceDTO {
	    forbidden: VoiceWordDTO[];
	    signature: string;
	    hashtags: string[];
	    address: string;
	    maxExclamations?: number;
	    maxEmoji?: number;
	    noAllCaps: boolean;
	    minReadingEase: number;
	
	    static createFrom(source: any = {}) {
	        return new VoiceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.forbidden = this.convertValues(source["forbidden"], VoiceWordDTO);
	        this.signature = source["signature"];
	        this.hashtags = source["hashtags"];
	        this.address = source["address"];
	        this.maxExclamations = source["maxExclamations"];
	        this.maxEmoji = source["maxEmoji"];
	        this.noAllCaps = source["noAllCaps"];
	        this.minReadingEase = source["minReadingEase"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Workspace {
	    id: string;
	    name: string;
	    timeZone: string;
	    language: string;
	    color: string;
	    logoDataUrl: string;
	    demo: boolean;
	    current: boolean;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Workspace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.timeZone = source["timeZone"];
	        this.language = source["language"];
	        this.color = source["color"];
	        this.logoDataUrl = source["logoDataUrl"];
	        this.demo = source["demo"];
	        this.current = source["current"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class WorkspaceInput {
	    name: string;
	    timeZone: string;
	    language: string;
	    color: string;
	
	    static createFrom(source: any = {}) {
	        return new WorkspaceInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.timeZone = source["timeZone"];
	        this.language = source["language"];
	        this.color = source["color"];
	    }
	}

}

export namespace calendar {
	
	export class Day {
	    Year: number;
	    Month: number;
	    Day: number;
	
	    static createFrom(source: any = {}) {
	        return new Day(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.Year = source["Year"];
	        this.Month = source["Month"];
	        this.Day = source["Day"];
	    }
	}

}

export namespace connect {
	
	export class MastodonStart {
	    flowId: string;
	    url: string;
	    server: string;
	    outOfBand: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MastodonStart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flowId = source["flowId"];
	        this.url = source["url"];
	        this.server = source["server"];
	        this.outOfBand = source["outOfBand"];
	    }
	}

}

