import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Browser UI of Yiyuan. The Fastify server serves `dist/web` in production; in development
// `vite` proxies `/api` to the server on port 3000.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // antd and echarts are large by nature; they are split into their own chunks below, each
    // under this limit after minification (warn if one grows past it).
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group also takes the (not yet claimed) dependencies of what it captures, so the
          // groups are claimed in priority order: React first, then ECharts (only loaded by the
          // platform list page), then antd's rc-components, then antd itself.
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
              priority: 40,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'antd-rc', test: /node_modules[\\/](@rc-component|rc-[^\\/]+)[\\/]/, priority: 20 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|dayjs|@emotion|stylis)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
