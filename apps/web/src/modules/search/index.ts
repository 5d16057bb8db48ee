// Public entry of the global search web module (docs/search.md): the header's search box.
import { lazyComponent } from '../../platform/lazy'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
/** Loaded with its own chunk when the shell first renders (see platform/lazy.tsx). */
export const GlobalSearch = lazyComponent('search', () => import('./global-search'), 'GlobalSearch')
