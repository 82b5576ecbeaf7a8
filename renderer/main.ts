// A minimal page proving the round trip through the bridge: the first-run status, a login form and
// the number of townships. The real UI replaces this file.
import { getBridge } from './bridge';

const bridge = getBridge();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $<HTMLParagraphElement>('status');
const form = $<HTMLFormElement>('login');
const message = $<HTMLParagraphElement>('message');
const summary = $<HTMLParagraphElement>('summary');

async function showTownships(who: string) {
  const r = await bridge.call('township.list', { pageSize: 1 });
  summary.textContent = r.ok ? `${who}，您好。乡镇（街道）数：${r.data.total}` : r.error.message;
}

async function start() {
  const r = await bridge.call('setup.status', {});
  if (!r.ok) {
    status.textContent = r.error.message;
    return;
  }
  const { hasOffice, hasOperators } = r.data;
  status.textContent = `单位信息：${hasOffice ? '已填写' : '未填写'}；操作员：${hasOperators ? '已设置' : '未设置'}`;
  if (!hasOperators) {
    message.textContent = '尚未完成首次使用初始化。';
    return;
  }
  const me = await bridge.call('session.current', {});
  if (me.ok && me.data) return showTownships(me.data.name);
  form.hidden = false;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const data = new FormData(form);
  void bridge.call('session.login', { name: String(data.get('name') ?? ''), password: String(data.get('password') ?? '') }).then((r) => {
    if (!r.ok) {
      message.textContent = r.error.message;
      return;
    }
    message.textContent = '';
    form.hidden = true;
    return showTownships(r.data.name);
  });
});

void start();
