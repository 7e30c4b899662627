import { createI18n } from 'vue-i18n'
import en from './locales/en.json'
import fr from './locales/fr.json'
import type { UiLanguage } from './lib/language'

export type MessageSchema = typeof en

export function makeI18n(locale: UiLanguage) {
  return createI18n<[MessageSchema], UiLanguage, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { fr, en },
  })
}
