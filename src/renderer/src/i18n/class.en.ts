/**
 * English messages of the teacher's class view; spread into en.ts. Keys start with 'class.'.
 */
import type { Message } from './translate'

export const classEn = {
  'class.open': 'Class view',
  'class.openHint': 'A whole class’s progress, from the files students handed in',
  'class.title': 'Class view',
  'class.subtitle': 'Progress files (“Export progress”) and saved sessions handed in by students',
  'class.close': 'Close',
  'class.pick': 'Open files…',
  'class.fileInput': 'Progress files or saved sessions',
  'class.exportCsv': 'Export CSV',
  'class.clear': 'Clear',
  'class.clearHint': 'Remove every file from the class view',
  'class.empty': 'Drop students’ progress files or saved sessions here',
  'class.emptyHint':
    'or choose them with “Open files…”: up to {max} at once, each checked on its own.',
  'class.dropActive': 'Drop to add these files',
  'class.reading': 'Reading {done} of {total} files…',
  'class.busy': 'Still reading the files before; add these when it is done.',
  'class.readFailed': 'The files could not be read: {reason}',
  'class.skipped': {
    one: '{count} file was not opened: the class view holds at most {max} files.',
    other: '{count} files were not opened: the class view holds at most {max} files.',
  },
  'class.students': { one: '{count} student', other: '{count} students' },
  'class.problemCount': {
    one: '{count} file could not be read',
    other: '{count} files could not be read',
  },
  'class.stuck': 'Most often stuck: stage {number}, “{title}”',
  'class.stuckDetail': {
    one: 'It is the first unfinished stage for {stuck} of {count} student.',
    other: 'It is the first unfinished stage for {stuck} of {count} students.',
  },
  'class.allDone': 'Every student has completed every stage.',
  'class.chapterDone':
    'Every student has finished the chapter. Stage {number}, “{title}”, goes beyond it: extra work.',
  'class.stuckBadge': 'most stuck',
  'class.table': 'Students and stages',
  'class.student': 'Student',
  'class.total': 'Total',
  'class.noName': 'no name in the file',
  'class.fromSession': 'saved session',
  'class.ticked': '✓ {checkpoint} — {time}',
  'class.notTicked': '○ {checkpoint}',
  'class.problem.too-large': 'too large ({size}; at most {limit} here).',
  'class.problem.too-deep': 'nested too deeply to be a progress file or a session.',
  'class.problem.not-json': 'not JSON, so neither a progress file nor a session.',
  'class.problem.unknown-format': 'neither a Socket Lab progress file nor a saved session.',
  'class.problem.newer-version':
    'written by a newer Socket Lab (format {version}); update this app to read it.',
  'class.problem.damaged': 'the file is damaged ({where}).',
  'class.problem.no-progress':
    'a saved session without lesson progress (saved by an older Socket Lab).',
  'class.problem.unreadable': 'it could not be read.',
  'class.problem.too-many-values':
    'it holds more than {count} arrays, objects and list items, more than any progress file or session from a class. It was not parsed.',
  'class.size.bytes': '{n} bytes',
  'class.size.kib': '{n} KiB',
  'class.size.mib': '{n} MiB',
  'class.exported': 'Saved {file}.',
  'class.exportFailed': 'Could not save: {reason}',
  'class.csv.student': 'Student',
  'class.csv.file': 'File',
  'class.csv.stuckAt': 'First unfinished stage',
  'class.csv.allDone': 'all done',
  'class.csv.chapterDone': 'chapter done',
  'class.csv.total': 'Checkpoints ticked (of {total})',
  'class.csv.stageTicked': '{number}. {title}: ticked (of {total})',
  'class.csv.stageLastTick': '{number}. {title}: last tick',
} satisfies Record<string, Message>
