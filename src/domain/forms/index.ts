/** Application forms of the online hall: the item's JSON Schema subset, checked the same way in the browser and on the server. */
export { checkForm, formFields, isBlank, type FormCheck, type FormField, type FormValues } from './validate.js';
