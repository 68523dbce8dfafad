import { createBrowserRouter, RouterProvider } from 'react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { RequireAuth } from './components/RequireAuth';
import { RouteError } from './components/RouteError';
import { LoginPage } from './pages/login/LoginPage';
import { useLang } from './lib/useLang';
import { frameRoutes } from './frame-routes';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  { path: '/', element: <RequireAuth />, errorElement: <RouteError />, children: frameRoutes() },
]);

export function App() {
  const lang = useLang();
  // Date pickers take their month and weekday names from dayjs' locale, not from antd's.
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f5fbf' } }}>
      <AntdApp>
        <RouterProvider router={router} />
      </AntdApp>
    </ConfigProvider>
  );
}
