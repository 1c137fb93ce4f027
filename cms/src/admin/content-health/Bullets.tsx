import { styled } from 'styled-components';

/** A plain bulleted list (the admin's global styles remove list bullets). */
export const Bullets = styled.ul`
  list-style: disc;
  padding-left: ${({ theme }) => theme.spaces[5]};
  display: flex;
  flex-direction: column;
  gap: ${({ theme }) => theme.spaces[1]};
  width: 100%;

  li::marker {
    color: ${({ theme }) => theme.colors.neutral500};
  }
`;
