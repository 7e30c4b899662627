export type UiLanguage = 'fr' | 'en'
export type LanguageSetting = 'system' | UiLanguage

export const UI_LANGUAGES: readonly UiLanguage[] = ['fr', 'en']
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['system', 'fr', 'en']

// pickLanguage maps a BCP 47 tag such as navigator.language to a UI language:
// any French tag ("fr", "fr-CA", "fr_FR") gives French, anything else English.
export function pickLanguage(tag: string | null | undefined): UiLanguage {
  if (typeof tag !== 'string') return 'en'
  return /^fr(?:$|[-_])/i.test(tag.trim()) ? 'fr' : 'en'
}

// asUiLanguage accepts only the two languages the UI speaks.
export function asUiLanguage(v: unknown, fallback: UiLanguage = 'en'): UiLanguage {
  return v === 'fr' || v === 'en' ? v : fallback
}

export function asLanguageSetting(v: unknown): LanguageSetting {
  return v === 'fr' || v === 'en' ? v : 'system'
}
