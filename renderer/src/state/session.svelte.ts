/** Whether the engine still accepts this window's session cookie. */
class SessionState {
  expired = $state(false);

  expire(): void {
    this.expired = true;
  }
}

export const session = new SessionState();
