/// <reference types="vitest/config" />
import { readFile } from 'node:fs/promises'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

// FullCalendar v6 injects its CSS at run time, including an icon font as a
// data: URL that Chromium and WebKit load at once, which the window's CSP
// (font-src 'self') refuses with a console error. Ruche uses none of those
// icons (its own toolbar; "+n more" opens the day view), so the @font-face
// rule is cut out of FullCalendar's CSS instead of allowing data: fonts.
const FONT_FACE = /@font-face\{font-family:fcicons;[^}]*\}/
const FC_CORE = /@fullcalendar[\\/]core[\\/]internal-common\.(c?js)$/

function withoutIconFont(code: string): string {
  if (!FONT_FACE.test(code)) throw new Error('FullCalendar no longer has its icon @font-face rule: check the CSP and remove this filter')
  return code.replace(FONT_FACE, '')
}

function fullCalendarWithoutIconFont(): Plugin {
  return {
    name: 'fullcalendar-without-icon-font',
    enforce: 'pre',
    transform(code, id) {
      if (!FC_CORE.test(id)) return null
      return { code: withoutIconFont(code), map: null }
    },
  }
}

// Ruche runs offline inside a Wails window: everything is bundled, nothing is
// fetched from a remote host.
export default defineConfig({
  plugins: [vue(), fullCalendarWithoutIconFont()],
  // `vite` and `wails dev` pre-bundle dependencies with esbuild: same cut.
  optimizeDeps: {
    esbuildOptions: {
      plugins: [
        {
          name: 'fullcalendar-without-icon-font',
          setup(build) {
            build.onLoad({ filter: FC_CORE }, async (args) => ({
              contents: withoutIconFont(await readFile(args.path, 'utf8')),
              loader: 'js',
            }))
          },
        },
      ],
    },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_OPTIONS_API__: true,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      output: {
        // FullCalendar and luxon in their own file: the window loads both
        // files from the binary at start, the split only keeps each under
        // Vite's size warning.
        manualChunks(id: string) {
          if (/node_modules\/(@fullcalendar|preact|luxon)\//.test(id)) return 'calendar'
          return undefined
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
})
