package locale

// blueskyMessages are the messages of package network/bluesky.
var blueskyMessages = map[Lang]map[string]string{
	English: {
		"bluesky.handle_unresolved":   "No Bluesky account answers to {handle}. Check the spelling of the handle (for example name.bsky.social, without the @).",
		"bluesky.pds_unresolved":      "The account {handle} exists, but Ruche cannot find the server that hosts it. Try again later; if it persists, check the account on bsky.app.",
		"bluesky.service_unreachable": "The server {service} does not answer. Check its address (leave it empty for an ordinary Bluesky account) and the Internet connection.",
		"bluesky.service_insecure":    "Ruche does not connect to {service}: the address is plain http, so the app password would travel unencrypted. Use its https:// address (plain http is only for a server on this computer).",
		"bluesky.pds_insecure":        "The account {handle} is hosted at {service}, in plain http: Ruche does not send it the app password, which would travel unencrypted. The server must be reached over https; ask its administrator.",
		"bluesky.wrong_password":      "Bluesky refused the handle {handle} with this password. Check the handle, and use an app password: create one on bsky.app in Settings › Privacy and security › App passwords.",
		"bluesky.two_factor":          "The account {handle} asks for a code sent by e-mail. Use an app password instead: create one on bsky.app in Settings › Privacy and security › App passwords.",
		"bluesky.account_suspended":   "The account {handle} is suspended, taken down or deactivated on Bluesky. Check it on bsky.app, then reconnect it in Accounts.",
		"bluesky.mention_unknown":     "The mention {handle} matches no Bluesky account. Check the handle, or remove the @ if you do not mean to mention someone.",
		"bluesky.image_invalid":       "{file} cannot be read as an image. Export it again as JPEG or PNG and attach it again.",
		"bluesky.image_too_large":     "{file} is still over {max} once compressed. Reduce its size in an image editor and attach it again.",
		"bluesky.video_unsupported":   "Ruche cannot send videos to Bluesky yet: remove {file} or publish it from the Bluesky app.",
	},
	French: {
		"bluesky.handle_unresolved":   "Aucun compte Bluesky ne répond au nom {handle}. Vérifiez l’orthographe de l’identifiant (par exemple nom.bsky.social, sans le @).",
		"bluesky.pds_unresolved":      "Le compte {handle} existe, mais Ruche ne trouve pas le serveur qui l’héberge. Réessayez plus tard ; si cela persiste, vérifiez le compte sur bsky.app.",
		"bluesky.service_unreachable": "Le serveur {service} ne répond pas. Vérifiez son adresse (laissez-la vide pour un compte Bluesky ordinaire) et la connexion à Internet.",
		"bluesky.service_insecure":    "Ruche ne se connecte pas à {service} : l’adresse est en http simple, le mot de passe d’application circulerait en clair. Utilisez son adresse https:// (le http simple est réservé à un serveur sur cet ordinateur).",
		"bluesky.pds_insecure":        "Le compte {handle} est hébergé sur {service}, en http simple : Ruche ne lui envoie pas le mot de passe d’application, qui circulerait en clair. Ce serveur doit être joint en https ; adressez-vous à son administrateur.",
		"bluesky.wrong_password":      "Bluesky a refusé l’identifiant {handle} avec ce mot de passe. Vérifiez l’identifiant et utilisez un mot de passe d’application : créez-en un sur bsky.app dans Paramètres › Confidentialité et sécurité › Mots de passe d’application.",
		"bluesky.two_factor":          "Le compte {handle} demande un code envoyé par e-mail. Utilisez plutôt un mot de passe d’application : créez-en un sur bsky.app dans Paramètres › Confidentialité et sécurité › Mots de passe d’application.",
		"bluesky.account_suspended":   "Le compte {handle} est suspendu, retiré ou désactivé sur Bluesky. Vérifiez-le sur bsky.app, puis reconnectez-le dans Comptes.",
		"bluesky.mention_unknown":     "La mention {handle} ne correspond à aucun compte Bluesky. Vérifiez l’identifiant, ou retirez le @ si vous ne voulez mentionner personne.",
		"bluesky.image_invalid":       "{file} ne peut pas être lu comme une image. Exportez-le de nouveau en JPEG ou PNG et joignez-le à nouveau.",
		"bluesky.image_too_large":     "{file} dépasse encore {max} une fois compressé. Réduisez sa taille dans un éditeur d’images et joignez-le à nouveau.",
		"bluesky.video_unsupported":   "Ruche ne sait pas encore envoyer de vidéos à Bluesky : retirez {file} ou publiez-la depuis l’application Bluesky.",
	},
}
