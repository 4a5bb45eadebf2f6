/** esbuild's text loader: a .graphql file imports as its text (scripts/build-explorer.mjs). */
declare module "*.graphql" {
  const text: string;
  export default text;
}
