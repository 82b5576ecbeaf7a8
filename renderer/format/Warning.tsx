// A warning above a page's content (what is missing, what the clerk should do first): the one look
// these notices share, antd's warning Alert with its icon and a gap below.
import { Alert, type AlertProps } from 'antd';

export function Warning({ style, ...rest }: Omit<AlertProps, 'type' | 'showIcon'>) {
  return <Alert type="warning" showIcon style={{ marginBottom: 12, ...style }} {...rest} />;
}
