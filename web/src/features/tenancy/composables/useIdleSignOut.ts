/** Idle sign-out: watches this person's input (in every tab of the browser), warns before the API's idle
 * limit, signs out at it, and keeps the API's session alive while they work. */
import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { useSession } from '@/shared/auth/session'
import { idlePhase, needsKeepAlive, secondsLeft, type IdleLimits } from '../idle'

const ACTIVITY_KEY = 'redchain.activity'
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const
// Input comes in bursts: note it in the shared store at most this often.
const SHARE_EVERY_MS = 5_000
const KEEP_ALIVE_RETRY_MS = 30_000

function sharedActivity(): number {
  const value = Number(globalThis.localStorage?.getItem(ACTIVITY_KEY))
  return Number.isFinite(value) ? value : 0
}

export function useIdleSignOut(limits: IdleLimits) {
  const session = useSession()
  const now = ref(Date.now())
  const lastActivity = ref(Math.max(Date.now(), sharedActivity()))
  let shared = 0
  let keepAliveTried = 0
  let timer: ReturnType<typeof setInterval> | undefined

  const phase = computed(() => idlePhase(now.value, lastActivity.value, limits))

  function noteActivity(force = false): void {
    const at = Date.now()
    // Once warned, only "stay signed in" counts: a stray mouse move must not hide the question.
    if (!force && idlePhase(at, lastActivity.value, limits) !== 'active') return
    lastActivity.value = at
    if (force || at - shared >= SHARE_EVERY_MS) {
      shared = at
      globalThis.localStorage?.setItem(ACTIVITY_KEY, String(at))
    }
  }

  const onInput = () => noteActivity()

  function tick(): void {
    now.value = Date.now()
    lastActivity.value = Math.max(lastActivity.value, sharedActivity())
    if (!session.signedIn) return
    if (phase.value === 'expired') {
      void session.signOut('idle')
      return
    }
    const renewedAt = session.tokens?.renewedAt ?? 0
    if (needsKeepAlive(now.value, lastActivity.value, renewedAt, limits) && now.value - keepAliveTried >= KEEP_ALIVE_RETRY_MS) {
      keepAliveTried = now.value
      void session.renewNow()
    }
  }

  onMounted(() => {
    for (const name of ACTIVITY_EVENTS) globalThis.addEventListener(name, onInput, { passive: true })
    timer = setInterval(tick, 1000)
  })
  onBeforeUnmount(() => {
    for (const name of ACTIVITY_EVENTS) globalThis.removeEventListener(name, onInput)
    clearInterval(timer)
  })

  return {
    phase,
    secondsLeft: computed(() => secondsLeft(now.value, lastActivity.value, limits)),
    async stay(): Promise<void> {
      noteActivity(true)
      now.value = Date.now()
      await session.renewNow()
    },
    signOutNow: () => session.signOut(),
  }
}
