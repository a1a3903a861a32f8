## The upload queue at the bottom.

queue-uploads = Uploads
queue-col-file = File
queue-col-to = To
queue-col-state = State
queue-col-progress = Progress
queue-col-message = Message
queue-attachment-id = id { $id }
queue-total = { $progress } · { $sent } of { $total }
queue-progress = { $uploaded } of { $files } uploaded
queue-progress-failed = { $count } failed
queue-progress-unknown = { $count } with unknown outcome
queue-resume = Resume
queue-resume-hover = Start uploading again
queue-paused = Paused
queue-pause = Pause
queue-pause-hover = Finish what is sending, start nothing new
queue-cancel-all = Cancel all
queue-clear-finished = Clear finished
queue-clear-finished-hover = The history keeps them
queue-slow-down = { $connection } asked to slow down: waiting
queue-accepted = accepted
queue-speed = { $speed }/s
queue-time-left = { $time } left

## A file's buttons.

queue-cancel = Cancel
queue-cancel-name = Cancel { $name }
queue-cancel-hover = Stop sending { $name }
queue-retry = Retry
queue-retry-name = Retry { $name }
queue-send-again = Send again
queue-send-again-name = Send { $name } again
queue-send-again-hover = It may arrive twice
queue-mark-uploaded = Mark as uploaded
queue-mark-uploaded-name = Mark { $name } as uploaded
queue-mark-uploaded-hover = You checked it arrived

## How a batch or a retry ended.

queue-last-batch = Last batch: { $summary }
# $line: "cv.pdf: uploaded".
queue-retried = Retried { $line }
queue-retry-uploaded = uploaded
queue-retry-skipped = skipped
queue-retry-failed = failed again
queue-retry-unknown = outcome unknown again
queue-retry-unconfirmed = not confirmed again
# $reason: why the first one waits (a sentence).
queue-interrupted-waiting =
    { $count ->
        [one] { $count } interrupted file was left waiting, unsent. { $reason }
       *[other] { $count } interrupted files were left waiting, unsent. { $reason }
    }

## Finishing the uploads an earlier run left unfinished.

queue-connection-removed = The connection “{ $name }” was removed.
queue-keyring-closed = The keyring is not open.
queue-no-secret = No secret is stored for “{ $name }” on this computer.
queue-sandbox-not-running = The sandbox is not running.
queue-started-from-cli = It was started from the command line: finish it there with atsdrop resume.
