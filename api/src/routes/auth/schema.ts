import { z } from "zod";
import {
  LoginBodySchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  RegisterBodySchema,
  RegisterConfirmSchema,
  VerifyEmailSchema,
} from "@ketnoi/contracts";

const noQuery = z.strictObject({});
export const AuthLoginSchema = { query: noQuery, body: LoginBodySchema };
export const AuthRegisterSchema = { query: noQuery, body: RegisterBodySchema };
export const AuthRegisterConfirmSchema = { query: noQuery, body: RegisterConfirmSchema };
export const AuthSessionSchema = { query: noQuery };
export const AuthLogoutSchema = { query: noQuery, body: z.strictObject({}) };
export const AuthPasswordResetSchema = { query: noQuery, body: PasswordResetRequestSchema };
export const AuthPasswordResetConfirmSchema = { query: noQuery, body: PasswordResetConfirmSchema };
export const AuthVerifyEmailSchema = { query: noQuery, body: VerifyEmailSchema };
export const AuthResendVerificationSchema = { query: noQuery, body: z.strictObject({}) };
