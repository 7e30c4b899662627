import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { openExternal } from './api/runtime'
import { makeI18n } from './i18n'
import { pickLanguage } from './lib/language'
import { installNavigationGuard } from './navigation'
import './styles.css'

// Before anything else: the window never leaves the app (see navigation.ts).
installNavigationGuard(window, openExternal)

// Until Info() answers, speak the browser's language.
const lang = pickLanguage(navigator.language)
document.documentElement.lang = lang

createApp(App).use(createPinia()).use(makeI18n(lang)).mount('#app')
