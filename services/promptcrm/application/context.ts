/** Who is acting: the token subject, recorded on events. */
export interface Actor {
  subject: string | null;
}
