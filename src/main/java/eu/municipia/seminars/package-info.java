/**
 * Seminars, workshops, study visits, conferences and webinars of an association: events with a
 * programme, registration of member officials (and of the public where allowed) that never
 * oversells, a waitlist that moves by itself, personal links, calendars, check-in, certificates of
 * attendance and the figures of attendance.
 */
package eu.municipia.seminars;
