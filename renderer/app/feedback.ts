// Confirmations and toasts from anywhere (stores, guards), through antd's App context so they
// carry the zh_CN locale and theme. FeedbackBinder (rendered once inside <App>) fills it in.
import { App } from 'antd';
import type { ReactNode } from 'react';

type AppApi = ReturnType<typeof App.useApp>;
let api: AppApi | null = null;

export function FeedbackBinder(): null {
  api = App.useApp();
  return null;
}

export interface ConfirmOptions {
  title: string;
  content?: ReactNode;
  okText?: string;
  danger?: boolean;
}

export function confirm(o: ConfirmOptions): Promise<boolean> {
  if (!api) return Promise.resolve(window.confirm(o.title));
  const modal = api.modal;
  return new Promise((resolve) => {
    modal.confirm({
      title: o.title,
      content: o.content,
      okText: o.okText ?? '确定',
      cancelText: '取消',
      okButtonProps: { danger: o.danger },
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

export const toast = {
  success: (text: string) => void api?.message.success(text),
  error: (text: string) => void api?.message.error(text),
  info: (text: string) => void api?.message.info(text),
};
