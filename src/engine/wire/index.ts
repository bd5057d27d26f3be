export {
  isWireCopy,
  wireOriginOf,
  wireText,
  WIRE_MIN_OVERLAP,
  WIRE_MIN_SHARED,
  WIRE_MIN_WORDS,
  type WireCandidate,
} from './wire-copy';
