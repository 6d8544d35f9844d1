/** Online bundle applications (一件事 网上申请): the applicant applies in the hall, the window accepts or returns. */
export { uploadBundleMaterial } from './uploads.js';
export { submitBundleApplication } from './submit.js';
export { myBundleApplication, myBundleApplications, withdrawBundleApplication } from './mine.js';
export { windowBundleApplication, windowBundleApplicationFile, windowBundleApplications } from './window.js';
export { acceptBundleApplication, returnBundleApplication } from './decide.js';
