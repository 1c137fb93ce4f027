'use strict';

/**
 * Browser-lean drop-in for the `side-channel` package (used by `qs`), aliased in vite.config.ts.
 * Same API (assert/delete/get/has/set) on WeakMap/Map, without the get-intrinsic and
 * object-inspect machinery that `side-channel` brings for pre-ES2015 engines (~10 KB gzip).
 */
module.exports = function getSideChannel() {
  var objects = new WeakMap();
  var primitives = new Map();
  function store(key) {
    return key !== null && (typeof key === 'object' || typeof key === 'function')
      ? objects
      : primitives;
  }
  var channel = {
    assert: function (key) {
      if (!channel.has(key)) throw new TypeError('Side channel does not contain the given key');
    },
    delete: function (key) {
      return store(key).delete(key);
    },
    get: function (key) {
      return store(key).get(key);
    },
    has: function (key) {
      return store(key).has(key);
    },
    set: function (key, value) {
      store(key).set(key, value);
    },
  };
  return channel;
};
