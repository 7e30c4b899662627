package locale

// catalogues holds every message the backend shows a user, by language and
// code. The codes are those of fault.Error; a test checks both languages have
// the same codes and placeholders. Each network package's messages are kept
// in a file of their own.
var catalogues = merge(coreMessages, connectMessages, mastodonMessages, blueskyMessages, reportMessages, analyticsMessages, textMessages)

// merge returns one catalogue per language holding the codes of all parts;
// a code given twice panics at start, and a test starts the package.
func merge(parts ...map[Lang]map[string]string) map[Lang]map[string]string {
	all := map[Lang]map[string]string{}
	for _, part := range parts {
		for lang, msgs := range part {
			if all[lang] == nil {
				all[lang] = map[string]string{}
			}
			for code, msg := range msgs {
				if _, dup := all[lang][code]; dup {
					panic("locale: message " + code + " given twice")
				}
				all[lang][code] = msg
			}
		}
	}
	return all
}

var coreMessages = map[Lang]map[string]string{
	English: {
		"internal":    "Something went wrong. The details are in the log file.",
		"not_found":   "This item no longer exists.",
		"not_started": "Ruche could not open its data: {reason}",

		"store.locked":               "Another Ruche is already using the data folder {dir}. Close it, or choose another folder with --data.",
		"store.key_missing":          "The encryption key of the data folder {dir} is not in the system keychain. Nothing was changed: put the key back, or start Ruche with --key-file and the key file you kept.",
		"store.key_wrong":            "This encryption key does not open the data folder {dir}. Nothing was changed.",
		"store.keychain_unavailable": "No system keychain is available here ({reason}). Ruche never keeps data unencrypted: start it with --key-file FILE to keep the key in a file that only you can read.",
		"store.key_file_mode":        "The key file {path} can be read by other users (mode {mode}). Restrict it first: chmod 600 {path}",
		"store.key_file_invalid":     "The key file {path} does not hold a Ruche key (64 hexadecimal characters).",
		"store.key_file_missing":     "The key file {path} does not exist, and the data folder {dir} already holds encrypted data. Give the key file that was used for this folder.",
		"store.key_file_unreadable":  "The key file {path} cannot be read: {reason}",
		"store.newer":                "The data folder {dir} was written by a newer version of Ruche (data version {found}; this version knows up to {known}). Update Ruche; nothing was changed.",
		"store.foreign":              "The folder {dir} is not a Ruche data folder. Choose an empty folder or an existing Ruche data folder; nothing was changed.",
		"store.corrupt":              "The data in {dir} is damaged: Ruche refuses to open it rather than start afresh, and changed no file. Restore the newest backup from {backups} (the button below, or ruche restore): the damaged folder is kept beside it.",
		"store.disk_full":            "The disk holding {dir} is full: Ruche cannot save anything more until space is freed. Nothing was lost; free some space and Ruche goes on by itself.",
		"store.unwritable":           "Ruche cannot write to the data folder {dir}: {reason}",
		"store.closed":               "The data store is closed.",
		"store.too_big":              "This change is too large to save at once.",
		"api.voice_invalid":          "This brand voice cannot be kept: the address is vous, tu or either, limits are 0 or more, and the reading ease is between 0 and 100.",
		"store.word_invalid":         "This word cannot be added to the workspace’s dictionary: give one word, without spaces, of at most 100 characters (the dictionary holds 5,000 at most).",
		"store.migration_failed":     "Updating the data to version {version} failed; your data was left as it was and a backup is in {backup}.",
		"backup.invalid":             "This file is not a Ruche backup, or it is damaged.",
		"backup.wrong_key":           "This backup was made with another encryption key, so it cannot be read here.",
		"backup.newer":               "This backup was made by a newer version of Ruche (data version {found}; this version knows up to {known}).",
		"backup.write_failed":        "The backup could not be written to {path}: {reason}",
		"backup.restore_failed":      "The restore failed and your previous data was put back. Reason: {reason}",
		"backup.none":                "No backup was found in {backups}. Choose a backup file (.rbak) you kept elsewhere.",
		"workspace.not_found":        "This workspace no longer exists.",
		"workspace.name_required":    "Give the workspace a name.",
		"workspace.name_too_long":    "The name is too long ({max} characters at most).",
		"workspace.name_taken":       "A workspace named “{name}” already exists.",
		"workspace.zone_invalid":     "“{zone}” is not a time zone. Choose one from the list, such as Europe/Paris.",
		"workspace.language_invalid": "Choose French or English.",
		"workspace.color_invalid":    "The brand colour must look like #1a2b3c.",
		"workspace.last":             "Ruche needs at least one workspace: create another one before deleting this one.",
		"workspace.logo_too_large":   "The logo is too large ({size}); {max} at most.",
		"workspace.logo_not_image":   "The logo must be a PNG or JPEG image.",
		"workspace.logo_dimensions":  "The logo is {width}×{height} pixels; {max}×{max} at most.",
		"workspace.logo_unreadable":  "The logo file cannot be read: {reason}",
		"settings.language_invalid":  "Choose System, French or English.",
		"secrets.too_large":          "This secret is too large for the system keychain.",
		"dialog.unavailable":         "File dialogs are only available in the window.",
		"dialog.logo_title":          "Choose the workspace’s logo",
		"dialog.images":              "Images (PNG, JPEG)",
		"dialog.backup_title":        "Save a backup of Ruche",
		"dialog.restore_title":       "Restore Ruche from a backup",
		"dialog.backups":             "Ruche backups",
		"cli.unknown_command":        "Unknown command “{name}”. Run “ruche help” to see the commands.",
		"cli.usage":                  "Usage: {usage}",
		"cli.flag":                   "Problem with the options: {reason}",
		"cli.workspace_added":        "Workspace “{name}” created ({id}).",
		"cli.workspace_used":         "“{name}” is now the current workspace.",
		"cli.workspace_removed":      "Workspace “{name}” deleted.",
		"cli.demo_ready":             "The demo workspace “{name}” is ready ({id}).",
		"cli.no_workspaces":          "No workspace yet.",
		"cli.help":                   helpEN,
		"cli.restored":               "The data was restored from {from}. What was there before is kept in {kept}.",
		"cli.backed_up":              "Backup written to {path}.",

		"calendar.date_invalid":         "“{date}” is not a valid date (YYYY-MM-DD).",
		"calendar.time_invalid":         "“{time}” is not a valid time: write HH:MM, from 00:00 to 23:59.",
		"calendar.zone_invalid":         "“{zone}” is not a time zone. Choose one from the list, such as Europe/Paris.",
		"calendar.view_invalid":         "“{view}” is not a calendar view: choose month, week or day.",
		"calendar.week_start_invalid":   "The first day of the week ({day}) must be a day from Sunday to Saturday.",
		"calendar.range_invalid":        "The period from {from} to {to} is empty: the end must come after the start.",
		"calendar.range_too_long":       "The period is too long: {max} days at most.",
		"calendar.slot_weekday_invalid": "Queue slot {index}: choose a day from Monday to Sunday.",
		"calendar.slot_time_invalid":    "Queue slot {index}: the time must be between 00:00 and 23:59.",
		"calendar.slot_duplicate":       "Queue slots {first} and {second} are the same day and time: remove one.",
		"calendar.queue_empty":          "The queue has no time slot yet: add one in the workspace settings.",
		"crisis.reason_required":        "Say why you pause the posts: the reason is kept in the audit list.",
		"crisis.reason_too_long":        "The reason is too long ({max} characters at most).",
		"crisis.until_past":             "The automatic resume time must be in the future.",
		"crisis.not_paused":             "The posts are not paused.",
		"crisis.not_found":              "This pause no longer exists.",
		"directory.reconnect":           "The {network} account {account} must be reconnected before Ruche can publish with it (Accounts).",
		"directory.unsupported":         "Publishing to {network} is not available in this version of Ruche yet; the post was kept.",
		"directory.keychain_locked":     "The system keychain is locked or unavailable, so Ruche cannot read the access of the {network} account {account}. Unlock it: the post waits and is tried again.",
		"cli.running":                   "Ruche publishes the posts of {dir} as they fall due. Ctrl+C stops it.",
		"cli.disk_space_back":           "There is room again on the disk of {dir}: Ruche goes on.",
		"cli.paused":                    "Every scheduled post is paused: {reason}",
		"cli.resumed":                   "{count} posts resumed.",
		"notify.post_failed":            "Ruche could not publish a post",
		"scheduler.too_many_attempts":   "The network kept failing; Ruche stopped trying. Try again later or check the network’s status.",
		"scheduler.still_held":          "{network} has not published this post yet, past its time; Ruche will ask again shortly.",
		"scheduler.interrupted":         "Ruche was interrupted while sending; it checked with the network before trying again.",
		"calendar.queue_full":           "Every queue slot in the next {days} days is taken. Add slots or choose a date yourself.",
		"calendar.recur_every_invalid":  "Repeat every 1 to {max} days, weeks or months.",
		"calendar.recur_unit_invalid":   "“{unit}” is not a repetition: choose days, weeks or months.",
		"calendar.recur_end_missing":    "Say when the repetition ends: on a date or after a number of times.",
		"calendar.recur_end_both":       "Choose one end for the repetition: a date or a number of times, not both.",
		"calendar.recur_until_invalid":  "The repetition must end after its first day ({start}).",
		"calendar.recur_count_invalid":  "Repeat from 1 to {max} times.",
		"calendar.recur_too_many":       "This repetition gives more than {max} posts: choose an earlier end date or a longer interval.",
		"calendar.csv_unreadable":       "The file cannot be read.",
		"calendar.csv_empty":            "The file is empty.",
		"calendar.csv_too_large":        "The file is too large: {max} MB at most.",
		"calendar.csv_too_many_rows":    "The file has too many rows: {max} posts at most per import.",
		"calendar.csv_malformed":        "Line {line}: a quotation mark is missing or misplaced, so the file cannot be read from there. Check the quotes around texts.",
		"calendar.csv_header_missing":   "The first line must name the columns: {columns}.",
		"calendar.csv_column_missing":   "The file has no “{column}” column.",
		"calendar.csv_column_unknown":   "Unknown column “{column}”. The columns are: {columns}.",
		"calendar.csv_column_repeated":  "The “{column}” column appears twice.",
		"calendar.csv_row_fields":       "Line {line}: {got} cells where the header has {want}. A text with a comma must be in quotes.",
		"calendar.csv_date_missing":     "Line {line}: the date and time are missing.",
		"calendar.csv_date_invalid":     "Line {line}: “{value}” is not a date and time. Write 2027-03-28 09:30, 28/03/2027 09:30 or 2027-03-28T09:30:00+02:00.",
		"calendar.csv_date_past":        "Line {line}: {value} is in the past.",
		"calendar.csv_text_missing":     "Line {line}: the text is empty.",
		"calendar.csv_link_invalid":     "Line {line}: “{value}” is not a web link (http:// or https://).",
		"calendar.csv_media_missing":    "Line {line}: the media file {path} does not exist.",
		"calendar.csv_account_unknown":  "Line {line}: no connected account is named “{account}”.",
		"import.unreadable":             "The file cannot be read.",
		"import.empty":                  "The file is empty.",
		"import.too_large":              "The file is too large: {max} MB at most.",
		"import.too_many_rows":          "The file has too many rows: {max} at most.",
		"import.malformed":              "Line {line}: a quotation mark is missing or misplaced, so the file cannot be read from there.",
		"import.header_missing":         "The first line must name the columns: {columns}.",
		"import.column_missing":         "The file has no “{column}” column.",
		"import.column_unknown":         "Unknown column “{column}”. The columns are: {columns}.",
		"import.column_repeated":        "The “{column}” column appears twice.",
		"import.row_fields":             "Line {line}: {got} cells where the header has {want}. A cell with the separator in it must be in quotes.",

		"post.not_found":          "This post no longer exists.",
		"post.conflict":           "This post was changed elsewhere in the meantime (perhaps by the scheduler). Reload it and make your change again.",
		"post.workspace_required": "Choose the workspace of this post.",
		"post.account_required":   "Each version of the post needs the account it goes to.",
		"post.account_twice":      "An account appears twice among the targets: keep one version per account.",
		"post.network_required":   "Each version of the post needs its network.",
		"post.no_targets":         "Choose at least one account to publish to before scheduling.",
		"post.time_required":      "Choose a date and time.",
		"post.time_past":          "This time is already past: choose a later one.",
		"post.time_range":         "Choose a date between 1970 and 2199.",
		"post.status_move":        "This change is not possible in the post’s current state.",
		"post.publishing":         "This post is being published right now: wait for the result.",
		"post.published":          "This post is already published: duplicate it to publish it again.",

		"network.timeout":                   "{network} did not answer in time. Ruche will check whether the post went out before trying again.",
		"network.connection":                "The connection to {network} broke. Ruche will check whether the post went out before trying again.",
		"network.unreachable":               "{network} cannot be reached: check the Internet connection. Ruche will try again.",
		"network.server_error":              "{network} has a problem on its side (error {status}). Ruche will try again.",
		"network.rate_limited":              "{network} asks Ruche to slow down. Ruche will try again later.",
		"network.auth_expired":              "The connection to {network} has expired or was revoked: reconnect the account in Accounts.",
		"network.refused":                   "{network} refused the post (error {status}). Check its text and media.",
		"network.text_empty":                "Write a text or add an image.",
		"network.media_required":            "{network} needs at least one image or video.",
		"network.text_too_long":             "The text is {over} characters too long for {network} ({used}/{limit}).",
		"network.text_too_many_bytes":       "The text is too heavy for {network}: {bytes} bytes, {limit} at most. Accents and emoji take several bytes each.",
		"network.thread_unsupported":        "{network} has no threads: remove the extra parts or merge them into the text.",
		"network.thread_part_empty":         "Part {part} of the thread is empty.",
		"network.thread_part_too_long":      "Part {part} of the thread is {over} characters too long for {network} ({used}/{limit}).",
		"network.first_comment_unsupported": "{network} has no first comment: remove it.",
		"network.first_comment_too_long":    "The first comment is {over} characters too long for {network} ({used}/{limit}).",
		"network.media_too_many":            "{network} takes {max} images or videos per post; this one has {count}.",
		"network.media_too_large":           "{file} is too large for {network} ({size}; {max} at most).",
		"network.visibility_invalid":        "“{visibility}” is not a visibility {network} knows: choose public, unlisted, followers only or mentioned people only.",
		"network.hold_lost":                 "{network} no longer holds this post and did not publish it: it was cancelled or deleted there. Schedule it again if it should go out.",
		"network.held_gone":                 "{network} no longer holds this scheduled post: it was published or cancelled there.",
		"network.never_held":                "{network} never received this post to hold: Ruche publishes it itself.",
		"network.media_shrunk":              "{file} ({size}) is over {network}’s {max}: Ruche will reduce it to fit when publishing, keeping its proportions.",
		"network.media_type":                "{network} does not accept {file} ({type}).",
		"network.alt_missing":               "{file} has no description (alt text): people who use a screen reader will miss it.",
		"network.link_invalid":              "The link must be a web address starting with http:// or https://.",
		"network.unknown":                   "Ruche does not know the network “{network}”.",

		"account.not_found":           "This account no longer exists.",
		"account.unknown":             "This workspace has no account named “{account}”.",
		"account.workspace_required":  "Choose the workspace of this account.",
		"account.network_unknown":     "Ruche does not know the network “{network}”. Choose bluesky, mastodon, x, threads, linkedin, instagram or testnet.",
		"account.handle_required":     "Give the account’s handle, such as fournil.bsky.social or @fournil@piaille.fr.",
		"account.handle_too_long":     "The handle or the name is too long ({max} characters at most).",
		"account.server_invalid":      "“{server}” is not a server address: write it like https://piaille.fr.",
		"account.status_invalid":      "“{status}” is not an account status.",
		"account.taken":               "The {network} account {handle} is already in this workspace.",
		"post.status_invalid":         "“{status}” cannot be chosen by hand: choose draft, in review or approved.",
		"media.missing":               "{file} no longer exists: it may have been moved or renamed.",
		"media.not_file":              "{file} is a folder, not a file.",
		"media.unreadable":            "{file} cannot be read: {reason}",
		"plan.import_account_missing": "Line {line}: name at least one account in the accounts column (its handle or identifier).",
		"plan.missed_action_invalid":  "“{action}” is not a choice for a missed post: publish now, reschedule or skip.",
		"plan.not_missed":             "This post is no longer waiting for your decision: reload the calendar.",
		"plan.export_write_failed":    "The export could not be written to {path}: {reason}",
		"api.instant_invalid":         "“{value}” is not a date and time.",
		"api.import_expired":          "This import preview has expired: open the file again.",
		"dialog.media_title":          "Choose images or videos",
		"dialog.media":                "Images and videos",
		"dialog.import_title":         "Import posts from a CSV file",
		"dialog.csv":                  "CSV files",
		"dialog.export_ics_title":     "Export the calendar (ICS)",
		"dialog.export_csv_title":     "Export the calendar (CSV)",
		"dialog.ics":                  "Calendars (ICS)",
		"dialog.export_report_title":  "Save the client report (PDF)",
		"dialog.export_figures_title": "Export the figures (CSV)",
		"dialog.import_figures_title": "Import a Google Analytics export (CSV)",
		"dialog.report_folder_title":  "Choose the folder of the monthly reports",
		"dialog.pdf":                  "PDF documents",
		"report.file":                 "report",
		"status.draft":                "draft",
		"status.in_review":            "in review",
		"status.approved":             "approved",
		"status.scheduled":            "scheduled",
		"status.publishing":           "publishing",
		"status.published":            "published",
		"status.failed":               "failed",
		"status.missed":               "missed",
		"status.paused":               "paused",
		"cli.account_added":           "The {network} account {handle} was added ({id}).",
		"cli.account_removed":         "The {network} account {handle} was removed.",
		"cli.no_accounts":             "No account in this workspace yet.",
		"cli.account_disconnected":    "The {network} account {handle} was disconnected: its access left the system keychain. Its posts are kept.",
		"cli.mastodon_open":           "Open this address in a browser, approve Ruche, then paste the code the instance shows here and press Enter:\n{url}",
		"cli.file_unreadable":         "The file {path} cannot be read: {reason}",
		"cli.stdin_empty":             "Nothing was read from the standard input. Type or pipe the expected line (an app password, a code).",
		"cli.post_draft":              "Post {id} saved as a draft.",
		"cli.post_scheduled":          "Post {id} planned for {date} at {time} ({zone}): {status}.",
		"cli.post_moved":              "Post {id} moved to {date} at {time} ({zone}): {status}.",
		"cli.post_queued":             "Post {id} queued for {date} at {time} ({zone}): {status}.",
		"cli.post_deleted":            "Post {id} deleted.",
		"cli.no_posts":                "No post from {from} to {to}.",
		"cli.row":                     "Line {line}",
		"cli.import_preview":          "{valid} {valid|row|rows} can be imported, {invalid} {invalid|has|have} problems. Nothing was imported (--dry-run).",
		"cli.import_done":             "{count} {count|post|posts} imported.",
		"cli.import_invalid":          "{invalid} of {count} {count|row|rows} {invalid|has|have} problems: nothing was imported. Fix them, or import the others with --valid-only.",
		"cli.import_none_valid":       "None of the {count} {count|row|rows} can be imported: nothing was imported (--dry-run).",
		"cli.exported":                "Calendar exported to {path}.",
		"cli.report_written":          "Report written to {path}.",
		"cli.report_planned":          "Each month's report will be written to {folder} once the month is over (by the window or ruche run).",
		"cli.report_plan_off":         "No more monthly report for this workspace.",
		"cli.jobs_header":             "JOB\tLAST RUN\tNEXT RUN\tTOOK\tLAST ERROR",
		"cli.jobs_never":              "never",
		"cli.jobs_failing":            "{message} (failures in a row: {failures})",
		"job.resume":                  "End of timed pauses",
		"job.hold":                    "Natively scheduled posts kept in step",
		"job.collect":                 "Networks’ figures read",
		"job.report":                  "Monthly reports",
	},
	French: {
		"internal":    "Une erreur inattendue s’est produite. Les détails sont dans le journal.",
		"not_found":   "Cet élément n’existe plus.",
		"not_started": "Ruche n’a pas pu ouvrir ses données : {reason}",

		"store.locked":               "Une autre instance de Ruche utilise déjà le dossier de données {dir}. Fermez-la, ou choisissez un autre dossier avec --data.",
		"store.key_missing":          "La clé de chiffrement du dossier de données {dir} est absente du trousseau du système. Rien n’a été modifié : remettez la clé, ou lancez Ruche avec --key-file et le fichier de clé que vous avez gardé.",
		"store.key_wrong":            "Cette clé de chiffrement n’ouvre pas le dossier de données {dir}. Rien n’a été modifié.",
		"store.keychain_unavailable": "Aucun trousseau système n’est disponible ici ({reason}). Ruche ne garde jamais de données en clair : lancez-le avec --key-file FICHIER pour garder la clé dans un fichier lisible par vous seul.",
		"store.key_file_mode":        "Le fichier de clé {path} est lisible par d’autres utilisateurs (mode {mode}). Restreignez-le d’abord : chmod 600 {path}",
		"store.key_file_invalid":     "Le fichier de clé {path} ne contient pas une clé Ruche (64 caractères hexadécimaux).",
		"store.key_file_missing":     "Le fichier de clé {path} n’existe pas, et le dossier de données {dir} contient déjà des données chiffrées. Indiquez le fichier de clé utilisé pour ce dossier.",
		"store.key_file_unreadable":  "Le fichier de clé {path} est illisible : {reason}",
		"store.newer":                "Le dossier de données {dir} a été écrit par une version plus récente de Ruche (version des données {found} ; cette version connaît jusqu’à {known}). Mettez Ruche à jour ; rien n’a été modifié.",
		"store.foreign":              "Le dossier {dir} n’est pas un dossier de données Ruche. Choisissez un dossier vide ou un dossier Ruche existant ; rien n’a été modifié.",
		"store.corrupt":              "Les données de {dir} sont endommagées : Ruche refuse de les ouvrir plutôt que de repartir de zéro, et n’a modifié aucun fichier. Restaurez la sauvegarde la plus récente de {backups} (le bouton ci-dessous, ou ruche restore) : le dossier endommagé est conservé à côté.",
		"store.disk_full":            "Le disque qui contient {dir} est plein : Ruche ne peut plus rien enregistrer tant que de la place n’a pas été libérée. Rien n’a été perdu ; libérez de la place et Ruche reprend de lui-même.",
		"store.unwritable":           "Ruche ne peut pas écrire dans le dossier de données {dir} : {reason}",
		"store.closed":               "La base de données est fermée.",
		"store.too_big":              "Cette modification est trop volumineuse pour être enregistrée d’un coup.",
		"api.voice_invalid":          "Cette voix de marque ne peut pas être gardée : le vouvoiement est vous, tu ou indifférent, les limites valent 0 ou plus, et la facilité de lecture va de 0 à 100.",
		"store.word_invalid":         "Ce mot ne peut pas être ajouté au dictionnaire de l’espace de travail : donnez un seul mot, sans espace, de 100 caractères au plus (le dictionnaire en garde 5 000 au plus).",
		"store.migration_failed":     "La mise à jour des données vers la version {version} a échoué ; vos données sont restées telles quelles et une sauvegarde se trouve dans {backup}.",
		"backup.invalid":             "Ce fichier n’est pas une sauvegarde Ruche, ou il est endommagé.",
		"backup.wrong_key":           "Cette sauvegarde a été faite avec une autre clé de chiffrement : elle ne peut pas être lue ici.",
		"backup.newer":               "Cette sauvegarde vient d’une version plus récente de Ruche (version des données {found} ; cette version connaît jusqu’à {known}).",
		"backup.write_failed":        "La sauvegarde n’a pas pu être écrite dans {path} : {reason}",
		"backup.restore_failed":      "La restauration a échoué et vos données précédentes ont été remises en place. Raison : {reason}",
		"backup.none":                "Aucune sauvegarde n’a été trouvée dans {backups}. Choisissez un fichier de sauvegarde (.rbak) gardé ailleurs.",
		"workspace.not_found":        "Cet espace de travail n’existe plus.",
		"workspace.name_required":    "Donnez un nom à l’espace de travail.",
		"workspace.name_too_long":    "Le nom est trop long ({max} caractères au plus).",
		"workspace.name_taken":       "Un espace de travail nommé « {name} » existe déjà.",
		"workspace.zone_invalid":     "« {zone} » n’est pas un fuseau horaire. Choisissez-en un dans la liste, par exemple Europe/Paris.",
		"workspace.language_invalid": "Choisissez le français ou l’anglais.",
		"workspace.color_invalid":    "La couleur de la marque doit être de la forme #1a2b3c.",
		"workspace.last":             "Ruche a besoin d’au moins un espace de travail : créez-en un autre avant de supprimer celui-ci.",
		"workspace.logo_too_large":   "Le logo est trop lourd ({size}) ; {max} au plus.",
		"workspace.logo_not_image":   "Le logo doit être une image PNG ou JPEG.",
		"workspace.logo_dimensions":  "Le logo mesure {width}×{height} pixels ; {max}×{max} au plus.",
		"workspace.logo_unreadable":  "Le fichier du logo est illisible : {reason}",
		"settings.language_invalid":  "Choisissez Système, Français ou Anglais.",
		"secrets.too_large":          "Ce secret est trop long pour le trousseau du système.",
		"dialog.unavailable":         "Les fenêtres de choix de fichier n’existent que dans l’application.",
		"dialog.logo_title":          "Choisir le logo de l’espace de travail",
		"dialog.images":              "Images (PNG, JPEG)",
		"dialog.backup_title":        "Enregistrer une sauvegarde de Ruche",
		"dialog.restore_title":       "Restaurer Ruche depuis une sauvegarde",
		"dialog.backups":             "Sauvegardes Ruche",
		"cli.unknown_command":        "Commande inconnue « {name} ». Lancez « ruche help » pour voir les commandes.",
		"cli.usage":                  "Usage : {usage}",
		"cli.flag":                   "Problème dans les options : {reason}",
		"cli.workspace_added":        "Espace de travail « {name} » créé ({id}).",
		"cli.workspace_used":         "« {name} » est maintenant l’espace de travail courant.",
		"cli.workspace_removed":      "Espace de travail « {name} » supprimé.",
		"cli.demo_ready":             "L’espace de démonstration « {name} » est prêt ({id}).",
		"cli.no_workspaces":          "Aucun espace de travail pour l’instant.",
		"cli.help":                   helpFR,
		"cli.restored":               "Les données ont été restaurées depuis {from}. Ce qui s’y trouvait est conservé dans {kept}.",
		"cli.backed_up":              "Sauvegarde écrite dans {path}.",

		"calendar.date_invalid":         "« {date} » n’est pas une date valide (AAAA-MM-JJ).",
		"calendar.time_invalid":         "« {time} » n’est pas une heure valide : écrivez HH:MM, de 00:00 à 23:59.",
		"calendar.zone_invalid":         "« {zone} » n’est pas un fuseau horaire. Choisissez-en un dans la liste, par exemple Europe/Paris.",
		"calendar.view_invalid":         "« {view} » n’est pas une vue du calendrier : choisissez mois, semaine ou jour.",
		"calendar.week_start_invalid":   "Le premier jour de la semaine ({day}) doit être un jour du dimanche au samedi.",
		"calendar.range_invalid":        "La période du {from} au {to} est vide : la fin doit venir après le début.",
		"calendar.range_too_long":       "La période est trop longue : {max} jours au plus.",
		"calendar.slot_weekday_invalid": "Créneau {index} de la file : choisissez un jour du lundi au dimanche.",
		"calendar.slot_time_invalid":    "Créneau {index} de la file : l’heure doit être comprise entre 00:00 et 23:59.",
		"calendar.slot_duplicate":       "Les créneaux {first} et {second} de la file ont le même jour et la même heure : supprimez-en un.",
		"calendar.queue_empty":          "La file n’a encore aucun créneau : ajoutez-en dans les réglages de l’espace de travail.",
		"crisis.reason_required":        "Indiquez pourquoi vous mettez les publications en pause : la raison est gardée dans le journal.",
		"crisis.reason_too_long":        "La raison est trop longue ({max} caractères au plus).",
		"crisis.until_past":             "L’heure de reprise automatique doit être dans le futur.",
		"crisis.not_paused":             "Les publications ne sont pas en pause.",
		"crisis.not_found":              "Cette pause n’existe plus.",
		"directory.reconnect":           "Le compte {network} {account} doit être reconnecté avant que Ruche puisse publier avec (Comptes).",
		"directory.unsupported":         "La publication sur {network} n’est pas encore disponible dans cette version de Ruche ; la publication est conservée.",
		"directory.keychain_locked":     "Le trousseau du système est verrouillé ou indisponible : Ruche ne peut pas lire l’accès du compte {network} {account}. Déverrouillez-le : la publication attend et sera retentée.",
		"cli.running":                   "Ruche publie les publications de {dir} à leur heure. Ctrl+C pour arrêter.",
		"cli.disk_space_back":           "Il y a de nouveau de la place sur le disque de {dir} : Ruche reprend.",
		"cli.paused":                    "Toutes les publications programmées sont en pause : {reason}",
		"cli.resumed":                   "{count} publications reprises.",
		"notify.post_failed":            "Ruche n’a pas pu publier une publication",
		"scheduler.too_many_attempts":   "Le réseau a échoué trop de fois ; Ruche a arrêté d’essayer. Réessayez plus tard ou vérifiez l’état du réseau.",
		"scheduler.still_held":          "{network} n’a pas encore publié cette publication, son heure passée ; Ruche redemandera dans un instant.",
		"scheduler.interrupted":         "Ruche a été interrompu pendant l’envoi ; il a vérifié auprès du réseau avant de réessayer.",
		"calendar.queue_full":           "Tous les créneaux de la file sont pris pour les {days} prochains jours. Ajoutez des créneaux ou choisissez vous-même une date.",
		"calendar.recur_every_invalid":  "Répétez tous les 1 à {max} jours, semaines ou mois.",
		"calendar.recur_unit_invalid":   "« {unit} » n’est pas une répétition : choisissez jours, semaines ou mois.",
		"calendar.recur_end_missing":    "Indiquez quand la répétition s’arrête : à une date ou après un nombre de fois.",
		"calendar.recur_end_both":       "Choisissez une seule fin pour la répétition : une date ou un nombre de fois, pas les deux.",
		"calendar.recur_until_invalid":  "La répétition doit s’arrêter après son premier jour ({start}).",
		"calendar.recur_count_invalid":  "Répétez de 1 à {max} fois.",
		"calendar.recur_too_many":       "Cette répétition donne plus de {max} publications : choisissez une date de fin plus proche ou un intervalle plus long.",
		"calendar.csv_unreadable":       "Le fichier est illisible.",
		"calendar.csv_empty":            "Le fichier est vide.",
		"calendar.csv_too_large":        "Le fichier est trop gros : {max} Mo au plus.",
		"calendar.csv_too_many_rows":    "Le fichier a trop de lignes : {max} publications au plus par import.",
		"calendar.csv_malformed":        "Ligne {line} : un guillemet manque ou est mal placé, le fichier est illisible à partir de là. Vérifiez les guillemets autour des textes.",
		"calendar.csv_header_missing":   "La première ligne doit nommer les colonnes : {columns}.",
		"calendar.csv_column_missing":   "Le fichier n’a pas de colonne « {column} ».",
		"calendar.csv_column_unknown":   "Colonne inconnue « {column} ». Les colonnes sont : {columns}.",
		"calendar.csv_column_repeated":  "La colonne « {column} » apparaît deux fois.",
		"calendar.csv_row_fields":       "Ligne {line} : {got} cellules alors que l’en-tête en a {want}. Un texte qui contient une virgule doit être entre guillemets.",
		"calendar.csv_date_missing":     "Ligne {line} : la date et l’heure manquent.",
		"calendar.csv_date_invalid":     "Ligne {line} : « {value} » n’est pas une date et une heure. Écrivez 28/03/2027 09:30, 2027-03-28 09:30 ou 2027-03-28T09:30:00+02:00.",
		"calendar.csv_date_past":        "Ligne {line} : {value} est déjà passé.",
		"calendar.csv_text_missing":     "Ligne {line} : le texte est vide.",
		"calendar.csv_link_invalid":     "Ligne {line} : « {value} » n’est pas un lien web (http:// ou https://).",
		"calendar.csv_media_missing":    "Ligne {line} : le fichier média {path} n’existe pas.",
		"calendar.csv_account_unknown":  "Ligne {line} : aucun compte connecté ne s’appelle « {account} ».",
		"import.unreadable":             "Le fichier est illisible.",
		"import.empty":                  "Le fichier est vide.",
		"import.too_large":              "Le fichier est trop gros : {max} Mo au plus.",
		"import.too_many_rows":          "Le fichier a trop de lignes : {max} au plus.",
		"import.malformed":              "Ligne {line} : un guillemet manque ou est mal placé, le fichier est illisible à partir de là.",
		"import.header_missing":         "La première ligne doit nommer les colonnes : {columns}.",
		"import.column_missing":         "Le fichier n’a pas de colonne « {column} ».",
		"import.column_unknown":         "Colonne inconnue « {column} ». Les colonnes sont : {columns}.",
		"import.column_repeated":        "La colonne « {column} » apparaît deux fois.",
		"import.row_fields":             "Ligne {line} : {got} cellules alors que l’en-tête en a {want}. Une cellule qui contient le séparateur doit être entre guillemets.",

		"post.not_found":          "Cette publication n’existe plus.",
		"post.conflict":           "Cette publication a été modifiée ailleurs entre-temps (peut-être par le planificateur). Rechargez-la et refaites votre modification.",
		"post.workspace_required": "Choisissez l’espace de travail de cette publication.",
		"post.account_required":   "Chaque version de la publication a besoin du compte auquel elle est destinée.",
		"post.account_twice":      "Un compte apparaît deux fois parmi les destinations : gardez une seule version par compte.",
		"post.network_required":   "Chaque version de la publication a besoin de son réseau.",
		"post.no_targets":         "Choisissez au moins un compte où publier avant de planifier.",
		"post.time_required":      "Choisissez une date et une heure.",
		"post.time_past":          "Cette heure est déjà passée : choisissez-en une plus tardive.",
		"post.time_range":         "Choisissez une date entre 1970 et 2199.",
		"post.status_move":        "Ce changement n’est pas possible dans l’état actuel de la publication.",
		"post.publishing":         "Cette publication est en cours d’envoi : attendez le résultat.",
		"post.published":          "Cette publication est déjà publiée : dupliquez-la pour la publier à nouveau.",

		"network.timeout":                   "{network} n’a pas répondu à temps. Ruche vérifiera si la publication est partie avant de réessayer.",
		"network.connection":                "La connexion à {network} a été coupée. Ruche vérifiera si la publication est partie avant de réessayer.",
		"network.unreachable":               "{network} est injoignable : vérifiez la connexion à Internet. Ruche réessaiera.",
		"network.server_error":              "{network} a un problème de son côté (erreur {status}). Ruche réessaiera.",
		"network.rate_limited":              "{network} demande à Ruche de ralentir. Ruche réessaiera plus tard.",
		"network.auth_expired":              "La connexion à {network} a expiré ou a été révoquée : reconnectez le compte dans Comptes.",
		"network.refused":                   "{network} a refusé la publication (erreur {status}). Vérifiez son texte et ses médias.",
		"network.text_empty":                "Écrivez un texte ou ajoutez une image.",
		"network.media_required":            "{network} exige au moins une image ou une vidéo.",
		"network.text_too_long":             "Le texte dépasse de {over} caractères la limite de {network} ({used}/{limit}).",
		"network.text_too_many_bytes":       "Le texte est trop lourd pour {network} : {bytes} octets, {limit} au plus. Les accents et les émojis comptent plusieurs octets chacun.",
		"network.thread_unsupported":        "{network} n’a pas de fils : supprimez les parties supplémentaires ou fusionnez-les dans le texte.",
		"network.thread_part_empty":         "La partie {part} du fil est vide.",
		"network.thread_part_too_long":      "La partie {part} du fil dépasse de {over} caractères la limite de {network} ({used}/{limit}).",
		"network.first_comment_unsupported": "{network} n’a pas de premier commentaire : supprimez-le.",
		"network.first_comment_too_long":    "Le premier commentaire dépasse de {over} caractères la limite de {network} ({used}/{limit}).",
		"network.media_too_many":            "{network} accepte {max} images ou vidéos par publication ; celle-ci en a {count}.",
		"network.media_too_large":           "{file} est trop lourd pour {network} ({size} ; {max} au plus).",
		"network.visibility_invalid":        "« {visibility} » n’est pas une visibilité que {network} connaît : choisissez publique, non listée, abonnés seulement ou personnes mentionnées seulement.",
		"network.hold_lost":                 "{network} ne garde plus cette publication et ne l’a pas publiée : elle y a été annulée ou supprimée. Programmez-la de nouveau si elle doit paraître.",
		"network.held_gone":                 "{network} ne garde plus cette publication programmée : elle y a été publiée ou annulée.",
		"network.never_held":                "{network} n’a jamais reçu cette publication à garder : Ruche la publie lui-même.",
		"network.media_shrunk":              "{file} ({size}) dépasse les {max} de {network} : Ruche le réduira à la publication, en gardant ses proportions.",
		"network.media_type":                "{network} n’accepte pas {file} ({type}).",
		"network.alt_missing":               "{file} n’a pas de description (texte alternatif) : les personnes qui utilisent un lecteur d’écran la manqueront.",
		"network.link_invalid":              "Le lien doit être une adresse web commençant par http:// ou https://.",
		"network.unknown":                   "Ruche ne connaît pas le réseau « {network} ».",

		"account.not_found":           "Ce compte n’existe plus.",
		"account.unknown":             "Cet espace de travail n’a pas de compte « {account} ».",
		"account.workspace_required":  "Choisissez l’espace de travail de ce compte.",
		"account.network_unknown":     "Ruche ne connaît pas le réseau « {network} ». Choisissez bluesky, mastodon, x, threads, linkedin, instagram ou testnet.",
		"account.handle_required":     "Indiquez l’identifiant du compte, par exemple fournil.bsky.social ou @fournil@piaille.fr.",
		"account.handle_too_long":     "L’identifiant ou le nom est trop long ({max} caractères au plus).",
		"account.server_invalid":      "« {server} » n’est pas l’adresse d’un serveur : écrivez-la comme https://piaille.fr.",
		"account.status_invalid":      "« {status} » n’est pas un état de compte.",
		"account.taken":               "Le compte {network} {handle} est déjà dans cet espace de travail.",
		"post.status_invalid":         "« {status} » ne se choisit pas à la main : choisissez brouillon, à relire ou approuvée.",
		"media.missing":               "{file} n’existe plus : il a peut-être été déplacé ou renommé.",
		"media.not_file":              "{file} est un dossier, pas un fichier.",
		"media.unreadable":            "{file} est illisible : {reason}",
		"plan.import_account_missing": "Ligne {line} : indiquez au moins un compte dans la colonne des comptes (son identifiant ou son nom d’utilisateur).",
		"plan.missed_action_invalid":  "« {action} » n’est pas un choix pour une publication manquée : publier maintenant, replanifier ou ignorer.",
		"plan.not_missed":             "Cette publication n’attend plus votre décision : rechargez le calendrier.",
		"plan.export_write_failed":    "L’export n’a pas pu être écrit dans {path} : {reason}",
		"api.instant_invalid":         "« {value} » n’est pas une date et une heure.",
		"api.import_expired":          "Cet aperçu d’import a expiré : rouvrez le fichier.",
		"dialog.media_title":          "Choisir des images ou des vidéos",
		"dialog.media":                "Images et vidéos",
		"dialog.import_title":         "Importer des publications depuis un fichier CSV",
		"dialog.csv":                  "Fichiers CSV",
		"dialog.export_ics_title":     "Exporter le calendrier (ICS)",
		"dialog.export_csv_title":     "Exporter le calendrier (CSV)",
		"dialog.ics":                  "Calendriers (ICS)",
		"dialog.export_report_title":  "Enregistrer le rapport client (PDF)",
		"dialog.export_figures_title": "Exporter les chiffres (CSV)",
		"dialog.import_figures_title": "Importer un export Google Analytics (CSV)",
		"dialog.report_folder_title":  "Choisir le dossier des rapports mensuels",
		"dialog.pdf":                  "Documents PDF",
		"report.file":                 "rapport",
		"status.draft":                "brouillon",
		"status.in_review":            "à relire",
		"status.approved":             "approuvée",
		"status.scheduled":            "planifiée",
		"status.publishing":           "en cours d’envoi",
		"status.published":            "publiée",
		"status.failed":               "en échec",
		"status.missed":               "manquée",
		"status.paused":               "en pause",
		"cli.account_added":           "Le compte {network} {handle} a été ajouté ({id}).",
		"cli.account_disconnected":    "Le compte {network} {handle} a été déconnecté : son accès a quitté le trousseau du système. Ses publications sont conservées.",
		"cli.mastodon_open":           "Ouvrez cette adresse dans un navigateur, autorisez Ruche, puis collez ici le code affiché par l’instance et appuyez sur Entrée :\n{url}",
		"cli.file_unreadable":         "Le fichier {path} ne peut pas être lu : {reason}",
		"cli.stdin_empty":             "Rien n’a été lu sur l’entrée standard. Tapez ou transmettez la ligne attendue (un mot de passe d’application, un code).",
		"cli.account_removed":         "Le compte {network} {handle} a été supprimé.",
		"cli.no_accounts":             "Aucun compte dans cet espace de travail pour l’instant.",
		"cli.post_draft":              "Publication {id} enregistrée comme brouillon.",
		"cli.post_scheduled":          "Publication {id} prévue le {date} à {time} ({zone}) : {status}.",
		"cli.post_moved":              "Publication {id} déplacée au {date} à {time} ({zone}) : {status}.",
		"cli.post_queued":             "Publication {id} mise en file pour le {date} à {time} ({zone}) : {status}.",
		"cli.post_deleted":            "Publication {id} supprimée.",
		"cli.no_posts":                "Aucune publication du {from} au {to}.",
		"cli.row":                     "Ligne {line}",
		"cli.import_preview":          "{valid} {valid|ligne peut être importée|lignes peuvent être importées}, {invalid} {invalid|a des problèmes|ont des problèmes}. Rien n’a été importé (--dry-run).",
		"cli.import_done":             "{count} {count|publication importée|publications importées}.",
		"cli.import_invalid":          "{invalid} {invalid|ligne|lignes} sur {count} {invalid|a|ont} des problèmes : rien n’a été importé. Corrigez-les, ou importez les autres avec --valid-only.",
		"cli.import_none_valid":       "Aucune des {count} {count|ligne|lignes} ne peut être importée : rien n’a été importé (--dry-run).",
		"cli.exported":                "Calendrier exporté dans {path}.",
		"cli.report_written":          "Rapport écrit dans {path}.",
		"cli.report_planned":          "Le rapport de chaque mois sera écrit dans {folder} une fois le mois fini (par la fenêtre ou ruche run).",
		"cli.report_plan_off":         "Plus de rapport mensuel pour cet espace de travail.",
		"cli.jobs_header":             "TÂCHE\tDERNIÈRE EXÉCUTION\tPROCHAINE\tDURÉE\tDERNIÈRE ERREUR",
		"cli.jobs_never":              "jamais",
		"cli.jobs_failing":            "{message} (échecs d’affilée : {failures})",
		"job.resume":                  "Fin des pauses programmées",
		"job.hold":                    "Programmations sur les réseaux tenues à jour",
		"job.collect":                 "Relevé des chiffres des réseaux",
		"job.report":                  "Rapports mensuels",
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
