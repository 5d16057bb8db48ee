import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { isApiError, setUnauthenticatedHandler } from './platform/api'
import { ToastProvider } from './platform/components/toast'
import { initI18n } from './platform/i18n'
import { bundledResources, namespaceLoaders } from './platform/i18n-resources'
import { createAppRouter } from './platform/router'
import './platform/styles.css'

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only what may be transient (network, 5xx); never 4xx.
      retry: (count, error) => count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
})

const router = createAppRouter(queryClient)

let redirecting = false
setUnauthenticatedHandler(() => {
  if (redirecting || router.state.location.pathname === '/login') return
  redirecting = true
  const back = router.state.location.href
  void router.navigate({ to: '/login', search: { redirect: back, expired: true } }).finally(() => {
    queryClient.clear()
    redirecting = false
  })
})

const render = () => {
  const root = document.getElementById('root')
  if (!root) throw new Error('#root missing in index.html')
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
}

void initI18n(bundledResources, namespaceLoaders).then(render)
