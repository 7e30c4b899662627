package locale

// connectMessages are the messages of connecting accounts (package connect).
var connectMessages = map[Lang]map[string]string{
	English: {
		"connect.flow_unknown": "This authorization is over (finished, cancelled or expired). Start connecting the account again.",
		"connect.demo":         "{account} is a demo account: it publishes nowhere and cannot be connected. Connect your own account instead.",
		"connect.keychain":     "The account's access could not be kept in the system keychain, so it was not connected. Unlock the keychain and try again.",
	},
	French: {
		"connect.flow_unknown": "Cette autorisation est terminée (aboutie, annulée ou expirée). Recommencez la connexion du compte.",
		"connect.demo":         "{account} est un compte de démonstration : il ne publie nulle part et ne peut pas être connecté. Connectez plutôt votre propre compte.",
		"connect.keychain":     "L’accès au compte n’a pas pu être rangé dans le trousseau du système ; le compte n’a donc pas été connecté. Déverrouillez le trousseau et réessayez.",
	},
}
