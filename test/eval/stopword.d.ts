// The stopword package ships no types; only its word lists are used here.
declare module 'stopword' {
  export const eng: string[];
  export const ukr: string[];
}
