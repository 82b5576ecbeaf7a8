// The rule a new or changed password must meet: one a clerk can keep to (`pucha2018`) and that
// stops the guesses tried first. Passwords set before the rule still log in.

/** Why `password` is refused as a new password, or null. `label` names the field (密码, 新密码…). */
export function passwordWeakness(password: string, userName?: string, label = '密码'): string | null {
  if ([...password].length < 8) return `${label}至少8位`;
  if (/^\d+$/.test(password)) return `${label}不能全是数字，请加入字母或符号`;
  const name = userName?.trim().toLowerCase();
  if (name && password.trim().toLowerCase() === name) return `${label}不能与用户名相同`;
  return null;
}
