/** The server's own sentence, as it is, and a way to try again. */
export function ErrorState({
  error,
  onRetry,
  title = 'Không tải được dữ liệu',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const message =
    error instanceof Error && error.message ? error.message : 'Đã có lỗi ngoài ý muốn; hãy thử lại.';
  return (
    <div className="error-state" role="alert">
      <p className="error-title">{title}</p>
      <p className="error-message">{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Thử lại
        </button>
      )}
    </div>
  );
}
