/**
 * Passwords that appear at the top of published leak lists (including Chinese ones) and pass
 * composition rules anyway. Compared in lower case.
 */
const LIST = `
123456 12345678 123456789 1234567890 111111 000000 888888 666666 123123 654321 abc123 password
password1 password123 passw0rd p@ssw0rd p@ssword p@55w0rd passw0rd! p@ssw0rd! p@ssw0rd1 password1!
password@123 password#123 admin admin123 admin@123 admin@1234 admin#123 admin123! admin1234! admin@2024
admin@2025 admin@2026 root root123 root@123 root@1234 test123 test@123 test@1234 qwerty qwerty123
qwerty@123 qwer1234 qwer@1234 qwer!234 asdf1234 asdf@1234 zxcv1234 zxcv@1234 1qaz2wsx 1qaz@wsx
1qaz!qaz 1qaz@wsx3edc 1q2w3e4r 1q2w3e4r! 1q2w3e4r5t abcd1234 abcd@1234 abc@1234 abc@123 abc123!
aa123456 aa123456! aa123456@ a123456 a123456! a123456@ a1234567 a12345678 abc12345 welcome1 welcome1!
welcome@123 letmein letmein1! iloveyou woaini1314 woaini520 5201314 1314520 qq123456 qq123456!
huawei@123 huawei123 hangzhou@123 hangzhou123 zhejiang@123 yiyuan@123 yiyuan123 yiyuan@2025
changeme changeme1! changeme@123 p@ssw0rd123 pa$$w0rd pa$$word master@123 super@123 system@123
sys@1234 manager@123 user@123 user@1234 guest@123 demo@123 demo@1234 china@123 china123 beijing@123
shanghai@123 admin888 admin666 88888888 11111111 12341234 11223344 147258369 123qwe 123qwe!@#
qwe123!@# !qaz2wsx zaq12wsx !qaz@wsx #edc4rfv dragon monkey sunshine princess football baseball
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
