export namespace api {
	
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
	
	export class RestoreResult {
	    cancelled: boolean;
	    path: string;
	    safetyBackup: string;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cancelled = source["cancelled"];
	        this.path = source["path"];
	        this.safetyBackup = source["safetyBackup"];
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

