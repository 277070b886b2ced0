// The Frictionless `datapackage` library ships no types; the tests use a small part of it.
declare module 'datapackage';
