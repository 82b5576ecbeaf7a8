// The renderer's entry: antd in Chinese (zh_CN, dayjs zh-cn), the router, and the app.
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

createRoot(document.getElementById('root')!).render(
  <ConfigProvider
    locale={zhCN}
    theme={{ token: { fontFamily: FONTS, borderRadius: 4 } }}
    button={{ autoInsertSpace: false }}
  >
    <AntApp>
      <FeedbackBinder />
      <App />
    </AntApp>
  </ConfigProvider>,
);
