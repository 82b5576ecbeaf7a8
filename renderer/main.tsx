// The renderer's entry: antd in Chinese (zh_CN, dayjs zh-cn), the router, and the app.
import { useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { getBridge } from './bridge';
import { startRouter } from './router/route';
import { FeedbackBinder } from './app/feedback';
import { App } from './app/App';
import './styles.css';

// The bridge takes the launch token out of the address first; the router then owns the hash.
getBridge();
dayjs.locale('zh-cn');
startRouter();

const FONTS =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

/**
 * Windows' "show animations" switched off (or a browser's reduced-motion setting) turns antd's
 * motion off: on a slow office PC drawers, dialogs and dropdowns then appear at once.
 */
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const watchMotion = (onChange: () => void) => {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const motionReduced = () => window.matchMedia(REDUCED_MOTION).matches;

function Root() {
  const still = useSyncExternalStore(watchMotion, motionReduced);
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { fontFamily: FONTS, borderRadius: 4, motion: !still } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <FeedbackBinder />
        <App />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Root />);
