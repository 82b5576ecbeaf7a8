// A form's fields laid out on a grid, each with its schema label, its message and its widget.
import { Alert, Col, Divider, Form, Row } from 'antd';
import { fieldInfo } from './fieldMeta';
import { FieldInput } from './FieldInput';
import { isField, type FormSpec } from './fieldSpec';
import type { SchemaForm } from './useSchemaForm';

interface Props {
  spec: FormSpec;
  form: SchemaForm;
  /** Makes field ids unique when two forms are on screen. */
  idPrefix: string;
  /** Extra help under some fields, by name. */
  hints?: Record<string, string>;
}

export function SchemaFields({ spec, form, idPrefix, hints }: Props) {
  return (
    <Form layout="vertical" component="div" className="schema-form">
      {form.formError && <Alert className="form-error" type="error" showIcon title={form.formError} />}
      <Row gutter={16}>
        {spec.items.map((item, i) => {
          if (!isField(item)) {
            return (
              <Col span={24} key={`section-${i}`}>
                <Divider titlePlacement="start" className="form-section">
                  {item.section}
                </Divider>
              </Col>
            );
          }
          if (item.hidden || (item.visible && !item.visible(form.values))) return null;
          const info = fieldInfo(spec.schema, item.name);
          const error = form.errorOf(item.name);
          const warning = !error && item.warn ? item.warn(form.values) : null;
          const id = `${idPrefix}-${item.name}`;
          return (
            <Col span={item.span ?? 12} key={item.name}>
              <div data-field={item.name}>
                <Form.Item
                  label={item.label ?? info.label}
                  htmlFor={id}
                  required={!info.optional}
                  validateStatus={error ? 'error' : warning ? 'warning' : undefined}
                  help={error || (warning ? <span data-testid={`${id}-warning`}>{warning}</span> : undefined)}
                  extra={hints?.[item.name] ?? item.help}
                >
                  <FieldInput
                    id={id}
                    spec={item}
                    info={info}
                    values={form.values}
                    invalid={!!error}
                    onChange={(v, e) => form.setValue(item.name, v, e)}
                  />
                </Form.Item>
              </div>
            </Col>
          );
        })}
      </Row>
    </Form>
  );
}
