// Search as you type. While an IME is composing (pinyin before it becomes 汉字) nothing is sent;
// the finished characters are.
import { useEffect, useRef, useState } from 'react';
import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ListStore } from '../stores/listStore';

export function SearchBox<R>({ store, placeholder }: { store: ListStore<R>; placeholder: string }) {
  const q = store((s) => s.q);
  const [text, setText] = useState(q);
  const composing = useRef(false);
  useEffect(() => setText(q), [q]);

  const send = (value: string) => store.getState().setQ(value);
  return (
    <Input
      className="list-search"
      prefix={<SearchOutlined />}
      allowClear
      placeholder={placeholder}
      value={text}
      aria-label="搜索"
      onChange={(e) => {
        setText(e.target.value);
        if (!composing.current) send(e.target.value);
      }}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={(e) => {
        composing.current = false;
        send(e.currentTarget.value);
      }}
    />
  );
}
