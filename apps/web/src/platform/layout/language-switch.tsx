import { useTranslation } from 'react-i18next'
import { LANGUAGES, currentLanguage } from '../i18n'
import { useChangeLanguage } from '../session'

/** ES | EN segmented switch. Works before login (local only) and after (also saved on the user). */
export const LanguageSwitch = ({ className }: { className?: string }) => {
  const { t, i18n } = useTranslation()
  const change = useChangeLanguage()
  const lang = i18n.language ? currentLanguage() : 'es'
  return (
    <div
      className={['segmented', className ?? ''].filter(Boolean).join(' ')}
      role="group"
      aria-label={t('language.switchLabel')}
    >
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="segmented__item"
          aria-pressed={lang === l}
          title={t(`language.${l}`)}
          onClick={() => void change(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  )
}
