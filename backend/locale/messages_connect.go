package locale

// connectMessages are the messages of connecting accounts (package connect).
var connectMessages = map[Lang]map[string]string{
	English: {
		"connect.flow_unknown": "This authorization is over (finished, cancelled or expired). Start connecting the account again.",
		"connect.demo":         "{account} is a demo account: it publishes nowhere and cannot be connected. Connect your own account instead.",
		"hold.still_held":      "A network still holds a post it should publish by itself, and did not answer when Ruche tried to take it back. Nothing was changed: try again when the network answers.",
		"connect.keychain":     "The account's access could not be kept in the system keychain, so it was not connected. Unlock the keychain and try again.",
	},
	French: {
		"connect.flow_unknown": "Cette autorisation est terminée (aboutie, annulée ou expirée). Recommencez la connexion du compte.",
		"connect.demo":         "{account} est un compte de démonstration : il ne publie nulle part et ne peut pas être connecté. Connectez plutôt votre propre compte.",
		"hold.still_held":      "Un réseau garde encore une publication qu’il devait publier lui-même, et n’a pas répondu quand Ruche a voulu la reprendre. Rien n’a été modifié : réessayez quand le réseau répondra.",
		"connect.keychain":     "L’accès au compte n’a pas pu être rangé dans le trousseau du système ; le compte n’a donc pas été connecté. Déverrouillez le trousseau et réessayez.",
	},
}
