-- The mail server's password is stored sealed (AES-256-GCM, base64, "v1:" prefix; see SecretBox): longer than typed.
alter table smtp_servers alter column password set data type varchar(2000);
