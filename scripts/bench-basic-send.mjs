// The benchmark's yardstick: one message with basic auth (user/password, no token), sent the
// way a user/password action sends it, in a process of its own.
import nodemailer from 'nodemailer'

const transport = nodemailer.createTransport({
  host: 'localhost',
  port: Number(process.env.SMTP_PORT),
  secure: false,
  requireTLS: true,
  tls: { minVersion: 'TLSv1.2' },
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS }
})
await transport.sendMail({ from: process.env.SMTP_USER, to: 'dev@contoso.com', subject: 'bench', text: 'bench' })
transport.close()
