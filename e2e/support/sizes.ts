/** The sizes the room uses: a phone, a laptop, a projector at 150 % zoom, a 1080p projector (issue 10). */
export const ROOM_SIZES = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
