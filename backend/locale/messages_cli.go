package locale

// cliMessages are what the command line says, and its help.
var cliMessages = map[Lang]map[string]string{
	English: {
		"cli.unknown_command":      "Unknown command “{name}”. Run “ruche help” to see the commands.",
		"cli.usage":                "Usage: {usage}",
		"cli.flag":                 "Problem with the options: {reason}",
		"cli.workspace_added":      "Workspace “{name}” created ({id}).",
		"cli.workspace_used":       "“{name}” is now the current workspace.",
		"cli.workspace_removed":    "Workspace “{name}” deleted.",
		"cli.demo_ready":           "The demo workspace “{name}” is ready ({id}).",
		"cli.no_workspaces":        "No workspace yet.",
		"cli.help":                 helpEN,
		"cli.restored":             "The data was restored from {from}. What was there before is kept in {kept}.",
		"cli.backed_up":            "Backup written to {path}.",
		"cli.running":              "Ruche publishes the posts of {dir} as they fall due. Ctrl+C stops it.",
		"cli.disk_space_back":      "There is room again on the disk of {dir}: Ruche goes on.",
		"cli.paused":               "Every scheduled post is paused: {reason}",
		"cli.resumed":              "{count} posts resumed.",
		"cli.account_added":        "The {network} account {handle} was added ({id}).",
		"cli.account_removed":      "The {network} account {handle} was removed.",
		"cli.no_accounts":          "No account in this workspace yet.",
		"cli.account_disconnected": "The {network} account {handle} was disconnected: its access left the system keychain. Its posts are kept.",
		"cli.mastodon_open":        "Open this address in a browser, approve Ruche, then paste the code the instance shows here and press Enter:\n{url}",
		"cli.file_unreadable":      "The file {path} cannot be read: {reason}",
		"cli.stdin_empty":          "Nothing was read from the standard input. Type or pipe the expected line (an app password, a code).",
		"cli.post_draft":           "Post {id} saved as a draft.",
		"cli.post_scheduled":       "Post {id} planned for {date} at {time} ({zone}): {status}.",
		"cli.post_moved":           "Post {id} moved to {date} at {time} ({zone}): {status}.",
		"cli.post_queued":          "Post {id} queued for {date} at {time} ({zone}): {status}.",
		"cli.post_deleted":         "Post {id} deleted.",
		"cli.no_posts":             "No post from {from} to {to}.",
		"cli.row":                  "Line {line}",
		"cli.import_preview":       "{valid} {valid|row|rows} can be imported, {invalid} {invalid|has|have} problems. Nothing was imported (--dry-run).",
		"cli.import_done":          "{count} {count|post|posts} imported.",
		"cli.import_invalid":       "{invalid} of {count} {count|row|rows} {invalid|has|have} problems: nothing was imported. Fix them, or import the others with --valid-only.",
		"cli.import_none_valid":    "None of the {count} {count|row|rows} can be imported: nothing was imported (--dry-run).",
		"cli.exported":             "Calendar exported to {path}.",
		"cli.report_written":       "Report written to {path}.",
		"cli.report_planned":       "Each month's report will be written to {folder} once the month is over (by the window or ruche run).",
		"cli.report_plan_off":      "No more monthly report for this workspace.",
		"cli.jobs_header":          "JOB\tLAST RUN\tNEXT RUN\tTOOK\tLAST ERROR",
		"cli.jobs_never":           "never",
		"cli.jobs_failing":         "{message} (failures in a row: {failures})",
	},
	French: {
		"cli.unknown_command":      "Commande inconnue « {name} ». Lancez « ruche help » pour voir les commandes.",
		"cli.usage":                "Usage : {usage}",
		"cli.flag":                 "Problème dans les options : {reason}",
		"cli.workspace_added":      "Espace de travail « {name} » créé ({id}).",
		"cli.workspace_used":       "« {name} » est maintenant l’espace de travail courant.",
		"cli.workspace_removed":    "Espace de travail « {name} » supprimé.",
		"cli.demo_ready":           "L’espace de démonstration « {name} » est prêt ({id}).",
		"cli.no_workspaces":        "Aucun espace de travail pour l’instant.",
		"cli.help":                 helpFR,
		"cli.restored":             "Les données ont été restaurées depuis {from}. Ce qui s’y trouvait est conservé dans {kept}.",
		"cli.backed_up":            "Sauvegarde écrite dans {path}.",
		"cli.running":              "Ruche publie les publications de {dir} à leur heure. Ctrl+C pour arrêter.",
		"cli.disk_space_back":      "Il y a de nouveau de la place sur le disque de {dir} : Ruche reprend.",
		"cli.paused":               "Toutes les publications programmées sont en pause : {reason}",
		"cli.resumed":              "{count} publications reprises.",
		"cli.account_added":        "Le compte {network} {handle} a été ajouté ({id}).",
		"cli.account_disconnected": "Le compte {network} {handle} a été déconnecté : son accès a quitté le trousseau du système. Ses publications sont conservées.",
		"cli.mastodon_open":        "Ouvrez cette adresse dans un navigateur, autorisez Ruche, puis collez ici le code affiché par l’instance et appuyez sur Entrée :\n{url}",
		"cli.file_unreadable":      "Le fichier {path} ne peut pas être lu : {reason}",
		"cli.stdin_empty":          "Rien n’a été lu sur l’entrée standard. Tapez ou transmettez la ligne attendue (un mot de passe d’application, un code).",
		"cli.account_removed":      "Le compte {network} {handle} a été supprimé.",
		"cli.no_accounts":          "Aucun compte dans cet espace de travail pour l’instant.",
		"cli.post_draft":           "Publication {id} enregistrée comme brouillon.",
		"cli.post_scheduled":       "Publication {id} prévue le {date} à {time} ({zone}) : {status}.",
		"cli.post_moved":           "Publication {id} déplacée au {date} à {time} ({zone}) : {status}.",
		"cli.post_queued":          "Publication {id} mise en file pour le {date} à {time} ({zone}) : {status}.",
		"cli.post_deleted":         "Publication {id} supprimée.",
		"cli.no_posts":             "Aucune publication du {from} au {to}.",
		"cli.row":                  "Ligne {line}",
		"cli.import_preview":       "{valid} {valid|ligne peut être importée|lignes peuvent être importées}, {invalid} {invalid|a des problèmes|ont des problèmes}. Rien n’a été importé (--dry-run).",
		"cli.import_done":          "{count} {count|publication importée|publications importées}.",
		"cli.import_invalid":       "{invalid} {invalid|ligne|lignes} sur {count} {invalid|a|ont} des problèmes : rien n’a été importé. Corrigez-les, ou importez les autres avec --valid-only.",
		"cli.import_none_valid":    "Aucune des {count} {count|ligne|lignes} ne peut être importée : rien n’a été importé (--dry-run).",
		"cli.exported":             "Calendrier exporté dans {path}.",
		"cli.report_written":       "Rapport écrit dans {path}.",
		"cli.report_planned":       "Le rapport de chaque mois sera écrit dans {folder} une fois le mois fini (par la fenêtre ou ruche run).",
		"cli.report_plan_off":      "Plus de rapport mensuel pour cet espace de travail.",
		"cli.jobs_header":          "TÂCHE\tDERNIÈRE EXÉCUTION\tPROCHAINE\tDURÉE\tDERNIÈRE ERREUR",
		"cli.jobs_never":           "jamais",
		"cli.jobs_failing":         "{message} (échecs d’affilée : {failures})",
	},
}

const helpEN = `Ruche — the community manager's desktop.

Usage:
  ruche [options]                      open the window
  ruche [options] COMMAND [arguments]  run a command, no window

Commands:
  help                                 show this help
  version                              print the version
  workspace list                       list the workspaces
  workspace add NAME [--zone Z] [--language fr|en] [--color #rrggbb]
                                       create a workspace
  workspace remove ID|NAME             delete a workspace
  workspace use ID|NAME                make it the current workspace
  demo                                 create or refresh the demo workspace
  account list                         list the accounts of the current workspace
  account add NETWORK HANDLE [--server URL] [--name NAME]
                                       add an account (test network, scripts)
  account remove ID|HANDLE             remove an account
  post add TEXT --account ID|HANDLE [--at "YYYY-MM-DD HH:MM"] [--pillar P]
                                       write a post: a draft, or planned at --at
  post list [--from DAY] [--to DAY]    list the posts by day (30 days from today)
  post show ID                         show a post, its versions and deliveries
  post move ID "YYYY-MM-DD HH:MM"      schedule or move a post
  post delete ID                       delete a post
  queue add ID                         schedule a post at the next free queue slot
  import FILE.csv [--dry-run] [--valid-only]
                                       import posts, showing each row's problems
  export --ics|--csv [--out FILE]      export the calendar (to the standard output)
  report --from D --to D --out F.pdf   the client report of a period (--lang fr|en, --agency A,
                                       --analysis-file F, --workspace W; --csv: every figure)
  report plan --folder DIR | --off     write each month's report to DIR once the month is over
                                       Times are in the current workspace's zone.
  text check [--lang fr|en|auto] [--workspace W]
                                       spelling, language, mood, intent and brand voice
                                       of the text read from the standard input
  run [--poll 5s]                      publish the posts as they fall due, no window
  pause --reason R [--until T] [--all] pause every scheduled post (crisis switch)
  resume                               resume the paused posts
  jobs                                 the background jobs: last and next run, last error
  backup [FILE.rbak]                   back up all the data (to the backups folder by default)
  restore [FILE.rbak]                  replace all the data with a backup (the newest
                                       in the backups folder by default), also when
                                       the data is damaged: what was there is kept

Options:
  --data DIR       data folder (also RUCHE_DATA); default: {data}
  --key-file FILE  keep the encryption key in FILE (mode 0600) instead of
                   the system keychain (also RUCHE_KEY_FILE)
  --json           print results as JSON, for scripts
  --lang fr|en     language of messages (default: the system's)
`

const helpFR = `Ruche — le bureau du community manager.

Usage :
  ruche [options]                      ouvre la fenêtre
  ruche [options] COMMANDE [arguments] lance une commande, sans fenêtre

Commandes :
  help                                 affiche cette aide
  version                              affiche la version
  workspace list                       liste les espaces de travail
  workspace add NOM [--zone Z] [--language fr|en] [--color #rrggbb]
                                       crée un espace de travail
  workspace remove ID|NOM              supprime un espace de travail
  workspace use ID|NOM                 en fait l’espace de travail courant
  demo                                 crée ou rafraîchit l’espace de démonstration
  account list                         liste les comptes de l’espace de travail courant
  account add RÉSEAU IDENTIFIANT [--server URL] [--name NOM]
                                       ajoute un compte (réseau de test, scripts)
  account remove ID|IDENTIFIANT        supprime un compte
  post add TEXTE --account ID|IDENTIFIANT [--at "AAAA-MM-JJ HH:MM"] [--pillar P]
                                       écrit une publication : brouillon, ou prévue à --at
  post list [--from JOUR] [--to JOUR]  liste les publications par jour (30 jours)
  post show ID                         affiche une publication, ses versions et envois
  post move ID "AAAA-MM-JJ HH:MM"      planifie ou déplace une publication
  post delete ID                       supprime une publication
  queue add ID                         planifie au prochain créneau libre de la file
  import FICHIER.csv [--dry-run] [--valid-only]
                                       importe des publications, avec les problèmes
                                       de chaque ligne
  export --ics|--csv [--out FICHIER]   exporte le calendrier (sur la sortie standard)
  report --from J --to J --out F.pdf   le rapport client d’une période (--lang fr|en, --agency A,
                                       --analysis-file F, --workspace E ; --csv : tous les chiffres)
  report plan --folder DOSSIER | --off écrit le rapport de chaque mois dans DOSSIER, le mois fini
                                       Les heures sont celles du fuseau de l’espace
                                       de travail courant.
  text check [--lang fr|en|auto] [--workspace E]
                                       orthographe, langue, humeur, intention et ton de
                                       la marque du texte lu sur l’entrée standard
  run [--poll 5s]                      publie les publications à leur heure, sans fenêtre
  pause --reason R [--until T] [--all] met en pause toutes les publications programmées
  resume                               reprend les publications en pause
  jobs                                 les tâches de fond : dernière et prochaine exécution,
                                       dernière erreur
  backup [FICHIER.rbak]                sauvegarde toutes les données (par défaut dans le
                                       dossier des sauvegardes)
  restore [FICHIER.rbak]               remplace toutes les données par une sauvegarde
                                       (la plus récente du dossier des sauvegardes par
                                       défaut), même endommagées : l’existant est gardé

Options :
  --data DOSSIER     dossier de données (aussi RUCHE_DATA) ; par défaut : {data}
  --key-file FICHIER garde la clé de chiffrement dans FICHIER (mode 0600) au
                     lieu du trousseau du système (aussi RUCHE_KEY_FILE)
  --json             affiche les résultats en JSON, pour les scripts
  --lang fr|en       langue des messages (par défaut : celle du système)
`
