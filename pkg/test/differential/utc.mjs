// Imported first by differential-schedule.test.mjs: opening_hours.js reads the wall
// clock of JavaScript Dates in the process's zone, so the process runs in UTC, like the
// engine's user (timeZone UTC) it is compared with.
process.env.TZ = 'UTC';
