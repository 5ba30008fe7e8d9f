// opencc-js's dictionary modules (its package exports them as "./dict/*")
// have no type declarations: each is one string of "from to|…" entries.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
