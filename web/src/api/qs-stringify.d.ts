// `qs/lib/stringify` is qs's own stringify module; importing it alone keeps qs's parser (which the
// site never needs) out of the bundle.
declare module 'qs/lib/stringify' {
  import type { stringify } from 'qs';
  const stringifyQuery: typeof stringify;
  export default stringifyQuery;
}
