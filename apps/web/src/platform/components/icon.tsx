/** Small stroke icons (decorative: always aria-hidden; the text label carries the meaning). */
const paths = {
  home: 'M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z',
  proposals: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  catalogs: 'M4 5h16M4 12h16M4 19h16M8 3v4M8 10v4M8 17v4',
  audit: 'M12 7v5l3 2M3 12a9 9 0 1 0 3-6.7M3 4v4h4',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21c0-4 3-6 7-6s7 2 7 6M17 11a3 3 0 1 0 0-6M22 20c0-3-2-5-5-5',
  menu: 'M4 6h16M4 12h16M4 18h16',
  close: 'M6 6l12 12M18 6 6 18',
  chevronDown: 'M6 9l6 6 6-6',
  key: 'M15 7a4 4 0 1 1-3.9 5H4v3h3v3h3v-3h1.1A4 4 0 0 1 15 7z',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  plus: 'M12 5v14M5 12h14',
  workOrders: 'M9 3h6v4H9zM7 5H5v16h14V5h-2M8.5 12.5l2 2 4-4M8.5 17.5h7',
  billing: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6M9 16h3',
  wrench: 'M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18l3 3 6.3-6.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.4-.6-.6-2.4z',
  droplet: 'M12 3s6 7 6 11a6 6 0 0 1-12 0c0-4 6-11 6-11z',
  truck: 'M3 6h11v10H3zM14 9h4l3 3v4h-7M7 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM17 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  rentalProjects: 'M3 21h18M5 21V10l7-5 7 5v11M9 21v-6h6v6M9 11h.01M15 11h.01',
  rentalEquipment: 'M5 3h10v18H5zM15 7h4v14h-4M8 7h4M8 11h4M10 17h.01',
  globe: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  concepts: 'M3 4h8l10 10-7 7L4 11zM7.5 7.5h.01M10 14l4-4',
  upload: 'M12 16V5M7 10l5-5 5 5M5 20h14',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  mail: 'M3 5h18v14H3zM3 6l9 7 9-7',
} as const

export type IconName = keyof typeof paths

export const Icon = ({ name, className }: { name: IconName; className?: string }) => (
  <svg
    className={['icon', className ?? ''].filter(Boolean).join(' ')}
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
  >
    <path
      d={paths[name]}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)
