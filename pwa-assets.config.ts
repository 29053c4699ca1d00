/**
 * The app icons (`npm run icons`): every PNG and the favicon.ico in public/ come from public/icon.svg through
 * @vite-pwa/assets-generator (sharp). Maskable and Apple icons sit on the mark's own blue, so whatever shape a
 * launcher cuts, the edge is the icon's colour; the 30% padding keeps the mark inside the maskable safe zone.
 */
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config'

/** The icon's background: the light theme's accent (src/ui/app/tokens.css). */
const ICON_BLUE = '#2d6bea'

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    maskable: { ...minimal2023Preset.maskable, padding: 0.3, resizeOptions: { background: ICON_BLUE } },
    apple: { ...minimal2023Preset.apple, padding: 0.2, resizeOptions: { background: ICON_BLUE } },
  },
  images: ['public/icon.svg'],
})
