// esbuild bundles .graphql files as text (scripts/build-explorer.mjs: loader ".graphql": "text").
declare module "*.graphql" {
  const text: string;
  export default text;
}
