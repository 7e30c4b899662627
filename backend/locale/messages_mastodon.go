package locale

// mastodonMessages are the messages of package network/mastodon, and of
// package oauth that connects its accounts.
var mastodonMessages = map[Lang]map[string]string{
	English: {
		"mastodon.address_invalid":        "“{address}” is not the address of a Mastodon server. Type its name, such as piaille.fr, or your handle, such as @name@piaille.fr.",
		"mastodon.not_mastodon":           "{address} answers, but not as a Mastodon server. Check the address: it is the part after the second @ of your handle.",
		"mastodon.bad_answer":             "The Mastodon server answered something Ruche does not understand. Ruche will try again; if it goes on, the server may be running an unusual version.",
		"mastodon.refused":                "The Mastodon server refused the post: {reason}",
		"mastodon.scope_missing":          "Ruche lacks a permission on this Mastodon account: reconnect the account in Accounts and accept every permission asked.",
		"mastodon.account_disabled":       "The Mastodon server does not let this account post: {reason}. Check the account on the server's website.",
		"mastodon.schedule_too_soon":      "Mastodon can hold a post only if it is due at least {minutes} minutes from now. Choose a later time, or let Ruche publish it.",
		"mastodon.schedule_limit":         "The Mastodon server holds too many scheduled posts for this account: {reason}. Let Ruche publish this one, or cancel some on the server.",
		"mastodon.thread_not_schedulable": "Mastodon cannot hold a thread until its time: Ruche will publish it itself.",
		"mastodon.media_unreadable":       "{file} cannot be read ({reason}). Check that the file still exists, or add it again.",
		"mastodon.media_failed":           "The Mastodon server could not process {file}: {reason}. Try another format or a smaller file.",
		"mastodon.media_processing":       "The Mastodon server is still processing a file of the post. Ruche will try again in a moment.",

		"oauth.state_mismatch":       "The answer of the authorization does not belong to this connection (an old browser tab?). Start the connection again.",
		"oauth.access_denied":        "You declined the access: the account was not connected. Start again and choose “Authorize” to connect it.",
		"oauth.authorization_failed": "The server refused the authorization ({reason}). Start the connection again.",
		"oauth.code_missing":         "No authorization code came back. Copy the whole code shown by the server and paste it again.",
		"oauth.exchange_failed":      "The server refused the authorization code ({reason}): it may have expired or been used already. Start the connection again.",
		"oauth.unreachable":          "The server could not be reached to finish the connection ({reason}). Check the Internet connection and try again.",
		"oauth.listen_failed":        "Ruche could not wait for the browser’s answer ({reason}). Use the option to paste the code instead.",
		"oauth.closed":               "This connection attempt is over. Start the connection again.",
	},
	French: {
		"mastodon.address_invalid":        "« {address} » n’est pas l’adresse d’un serveur Mastodon. Tapez son nom, par exemple piaille.fr, ou votre identifiant, par exemple @nom@piaille.fr.",
		"mastodon.not_mastodon":           "{address} répond, mais pas comme un serveur Mastodon. Vérifiez l’adresse : c’est la partie après le second @ de votre identifiant.",
		"mastodon.bad_answer":             "Le serveur Mastodon a répondu quelque chose que Ruche ne comprend pas. Ruche réessaiera ; si cela continue, le serveur utilise peut-être une version inhabituelle.",
		"mastodon.refused":                "Le serveur Mastodon a refusé la publication : {reason}",
		"mastodon.scope_missing":          "Il manque une autorisation à Ruche sur ce compte Mastodon : reconnectez le compte dans Comptes et acceptez toutes les autorisations demandées.",
		"mastodon.account_disabled":       "Le serveur Mastodon ne laisse pas ce compte publier : {reason}. Vérifiez le compte sur le site du serveur.",
		"mastodon.schedule_too_soon":      "Mastodon ne peut garder une publication que si elle est prévue au moins {minutes} minutes à l’avance. Choisissez une heure plus tardive, ou laissez Ruche la publier.",
		"mastodon.schedule_limit":         "Le serveur Mastodon garde trop de publications programmées pour ce compte : {reason}. Laissez Ruche publier celle-ci, ou annulez-en sur le serveur.",
		"mastodon.thread_not_schedulable": "Mastodon ne peut pas garder un fil jusqu’à son heure : Ruche le publiera elle-même.",
		"mastodon.media_unreadable":       "Impossible de lire {file} ({reason}). Vérifiez que le fichier existe toujours, ou ajoutez-le de nouveau.",
		"mastodon.media_failed":           "Le serveur Mastodon n’a pas pu traiter {file} : {reason}. Essayez un autre format ou un fichier plus léger.",
		"mastodon.media_processing":       "Le serveur Mastodon traite encore un fichier de la publication. Ruche réessaiera dans un instant.",

		"oauth.state_mismatch":       "La réponse de l’autorisation ne correspond pas à cette connexion (un ancien onglet du navigateur ?). Recommencez la connexion.",
		"oauth.access_denied":        "Vous avez refusé l’accès : le compte n’a pas été connecté. Recommencez et choisissez « Autoriser » pour le connecter.",
		"oauth.authorization_failed": "Le serveur a refusé l’autorisation ({reason}). Recommencez la connexion.",
		"oauth.code_missing":         "Aucun code d’autorisation n’est revenu. Copiez tout le code affiché par le serveur et collez-le de nouveau.",
		"oauth.exchange_failed":      "Le serveur a refusé le code d’autorisation ({reason}) : il a peut-être expiré ou déjà servi. Recommencez la connexion.",
		"oauth.unreachable":          "Le serveur est injoignable pour terminer la connexion ({reason}). Vérifiez la connexion à Internet et réessayez.",
		"oauth.listen_failed":        "Ruche n’a pas pu attendre la réponse du navigateur ({reason}). Utilisez plutôt l’option qui permet de coller le code.",
		"oauth.closed":               "Cette tentative de connexion est terminée. Recommencez la connexion.",
	},
}
