// People not on the roster (e.g. township staff) added to the list on the spot.
import { useState } from 'react';
import { Button, Input, Space } from 'antd';

export function GuestAdder({ onAdd }: { onAdd: (name: string, unit: string | null, phone: string | null) => void }) {
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [phone, setPhone] = useState('');
  const add = () => {
    if (!name.trim()) return;
    onAdd(name.trim(), unit.trim() || null, phone.trim() || null);
    setName('');
    setUnit('');
    setPhone('');
  };
  return (
    <Space.Compact>
      <Input
        placeholder="临时参训人员姓名"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onPressEnter={add}
        style={{ width: 150 }}
      />
      <Input
        placeholder="工作单位"
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
        onPressEnter={add}
        style={{ width: 150 }}
      />
      <Input
        placeholder="联系电话"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        onPressEnter={add}
        style={{ width: 130 }}
      />
      <Button onClick={add} disabled={!name.trim()}>
        添加临时人员
      </Button>
    </Space.Compact>
  );
}
