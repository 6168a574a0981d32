/** A time in the admin's locale, with the UTC value kept in the element's dateTime (one format on every screen). */
export function LocalTime({ iso }: { readonly iso: string }) {
  const date = new Date(iso);
  return <time dateTime={iso}>{Number.isNaN(date.getTime()) ? iso : date.toLocaleString()}</time>;
}
