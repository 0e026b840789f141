// Stylesheets are nothing in tests.
export default {};
