import { Calendar, OfficeBuilding } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import messages from './messages'

// Platform admins manage the platform, usually signed in to no park: no park permission opens these.
const feature: Feature = {
  routes: [
    {
      path: 'platform/parks',
      name: 'platform-parks',
      component: () => import('./pages/ParksPage.vue'),
      meta: { platformAdmin: true },
    },
    {
      path: 'platform/calendar',
      name: 'platform-calendar',
      component: () => import('./pages/HolidayCalendarPage.vue'),
      meta: { platformAdmin: true },
    },
  ],
  menu: [
    { name: 'platform-parks', label: 'platform.menu.parks', icon: OfficeBuilding, permission: [], platformAdmin: true, order: 100 },
    { name: 'platform-calendar', label: 'platform.menu.calendar', icon: Calendar, permission: [], platformAdmin: true, order: 101 },
  ],
  messages,
}

export default feature
